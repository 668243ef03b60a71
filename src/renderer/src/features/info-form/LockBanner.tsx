import { Icon } from '../../components/Icon';
import { editorInstance } from '../../editor/editor-instance';
import type { JsonSyntaxError } from '../../../../shared/form/json-text';
import { useConnectorStore } from '../../store/connector/store';

/** The text does not parse: the form stops editing (it would write into a document it cannot read) and
 * says where the text breaks; the link shows that place in the text editor. */
export function LockBanner({ relPath, error }: { relPath: string; error: JsonSyntaxError }) {
  const jump = () => {
    if (useConnectorStore.getState().layout === 'form') useConnectorStore.getState().setLayout('split');
    editorInstance.reveal(relPath, error.line, error.column);
  };
  return (
    <div className="banner banner-warning form-lock" role="alert" data-testid="form-locked">
      <Icon name="warning" />
      <span className="banner-text">
        The form is locked: info.json is not valid JSON ({error.message}).{' '}
        <button className="link-button" onClick={jump} data-testid="form-locked-jump">Go to line {error.line}, column {error.column}</button>
      </span>
    </div>
  );
}
