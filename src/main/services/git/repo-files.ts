/** Written into every new repository: keeps generated and private files out, and line endings stable across OSes. */
export const GITIGNORE = `# Python
__pycache__/
*.pyc
.venv/
venv/
# Editors and OS
.idea/
.vscode/
.DS_Store
Thumbs.db
# Connector Studio user data (test configurations hold secrets)
.fortisoar/
.connector-studio/
*.tgz
# A save interrupted mid-write leaves .<name>.<hex>.tmp behind
.*.tmp
`;

export const GITATTRIBUTES = `* text=auto eol=lf
*.png binary
*.jpg binary
*.jpeg binary
*.gif binary
*.ico binary
*.tgz binary
*.whl binary
`;
