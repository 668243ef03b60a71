import { Icon } from '../../../components/Icon';
import { useApiImportStore } from '../../../store/api-import/store';

/** The wizard's way to the API-description import: a connector generated from the vendor's OpenAPI, Postman or cURL. */
export function StartFromDescriptionButton() {
  return (
    <button type="button" className="button secondary small ai-start" onClick={() => useApiImportStore.getState().open('create')} data-testid="wz-from-description">
      <Icon name="filePlus" size={14} /> Start from an API description
    </button>
  );
}
