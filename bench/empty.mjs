// Intentionally empty: bench/validate.mjs times Node starting a module that does nothing.
