/** Words connector descriptions use correctly that a general English dictionary does not hold: security and
 * networking terms, API and data jargon, and the vendors and products connectors integrate with. Lower case;
 * a word matches in any capitalisation, and with a plural -s or -es. Keep it to real words: a misspelling
 * added here would hide the same misspelling everywhere. Acronyms written in capitals (IOC, JSON, SHA256) never
 * reach the dictionary, so they need no entry; in lower case (json, url) they are flagged, as LanguageTool does. */
const WORDS = `
  allowlist allowlisted antimalware antispam antivirus apikey appliance auth authenticator autoscaling
  backend blocklist blocklisted botnet
  checksum cloudtrail codebase config configs cron cryptographic cryptographically cybersecurity
  datacenter dataset datetime dedup detection deduplicate deduplicated deduplication defang defanged denylist dict
  docstring dropdown
  endpoint enum enums exfiltration
  failover filename filepath filesize filesystem firmware freeform frontend
  geolocation geo geoip
  hashtag healthcheck honeypot hostname hotfix hypervisor
  iframe incrementing infosec ingestion inline isolate isolated

  keylogger keystore kubernetes
  lateral livehunt localhost logon logoff lookup lookups lookback
  macos malicious malware metadata microservice middleware misconfiguration misconfigured mitre multiline
  namespace netflow netmask nslookup
  oauth offboard offboarding onboard onboarding opcode
  params parsers passwordless payload pcap pentest pentesting plaintext playbook playbooks portscan
  precheck prefetch preconfigured prepend proxied pwned
  quarantine quarantined queryable
  ransomware recon redirection referer regex rekey remediate remediated remediation reputational retrohunt
  rootkit ruleset runbook runtime
  sandbox sandboxed sandboxing schemas scrollable severities sinkhole sinkholed
  spam spoofed spoofing stateful stix subdomain subdomains subfield subfields subnet subnets
  subtype subtypes syslog
  taxii teardown telemetry templated tenant timeframe timestamp timestamps timezone toolkit
  trojan typosquat typosquatting
  unassign unassigned unblock unblocked unisolate unisolated unisolation unquarantine unsubscribe upsert
  username usernames uuid uuids
  vulnerabilities
  walkthrough webhook webhooks whitelist whitelisted whois wildcard workflow workflows

  yara
  zeroday
  anomali alienvault akamai atlassian azure bitdefender carbonblack checkpoint cisco cloudflare cortex
  crowdstrike cyberark cylance databricks darktrace dnstwist docker elasticsearch exabeam flowspec forcepoint
  fortianalyzer fortiddos fortiedr fortigate fortimail fortimanager fortinet fortisandbox fortisiem fortisoar
  fortiweb github gitlab gitguardian greynoise imperva infoblox jira kafka lastline mcafee mimecast misp
  netskope okta openai opsgenie pagerduty palo paloalto proofpoint qualys qradar rapid7 recordedfuture
  sekoia sentinelone servicenow shodan slack sonicwall sophos splunk symantec tenable threatconnect
  trendmicro urlhaus urlscan virustotal wildfire zscaler
`;

export const SECURITY_VOCABULARY: readonly string[] = WORDS.split(/\s+/).filter(Boolean);
