import ButtonDropdown from '@cloudscape-design/components/button-dropdown';

interface ObjectActionsProps {
  selectedCount: number;
  scanning: boolean;
  onEditEncryption: () => void;
  onSelectFlaggedUnderFolder: () => void;
  onClearSelection: () => void;
}

/** The objects page's Actions menu. */
export function ObjectActions(props: ObjectActionsProps) {
  const nothingSelected = props.selectedCount === 0;
  return (
    <ButtonDropdown
      items={[
        {
          id: 'edit-encryption',
          text: 'Edit server-side encryption',
          disabled: nothingSelected || props.scanning,
          disabledReason: props.scanning ? 'Wait until every flagged object is found, or stop the search.' : 'Select objects first.',
        },
        {
          id: 'select-flagged',
          text: 'Select every flagged object under this folder',
          disabled: props.scanning,
          disabledReason: 'Already searching.',
        },
        { id: 'clear-selection', text: 'Clear selection', disabled: nothingSelected },
      ]}
      onItemClick={({ detail }) => {
        if (detail.id === 'edit-encryption') props.onEditEncryption();
        if (detail.id === 'select-flagged') props.onSelectFlaggedUnderFolder();
        if (detail.id === 'clear-selection') props.onClearSelection();
      }}
    >
      Actions
    </ButtonDropdown>
  );
}
