import { Component, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

/** A document shaped in a way the form did not foresee must not take the editor down: say so, keep the text. */
export class FormErrorBoundary extends Component<{ children: ReactNode; resetKey: unknown }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: unknown }) {
    // Every change of the text is a new chance: the next document may render again.
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="banner banner-warning" role="alert" data-testid="form-error">
        <span className="banner-text">The form cannot show this part of info.json ({this.state.error.message}). Edit it as JSON; the form comes back when the text changes.</span>
      </div>
    );
  }
}
