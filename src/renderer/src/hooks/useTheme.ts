import { useEffect } from 'react';
import { settingsSelectors, useSettingsStore } from '../store/settings/store';

/** The theme is a data attribute on <html>; CSS variables do the rest (Monaco follows in MonacoView). */
export function useTheme() {
  const theme = useSettingsStore(settingsSelectors.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
