// Pure: shared with the UI's Playbooks tab.
export * from '../../../shared/connector/playbook-list';
