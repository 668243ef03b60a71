/** The FortiSOAR content repository (the "prodYumRepoURL") that cisa-advisory reads its data point from
 * (cisa-advisory/operations.py, constants.py CISA_FOLDER_PATH). */
import type { Route } from '../fake-vendor';

export const routes: Route[] = [
  { method: 'GET', path: '/', reply: { text: 'FortiSOAR repository' } },
  {
    method: 'GET',
    path: '/connectors/data-point/cisa-advisory/ics-advisory/2024-ics-advisory.json',
    reply: {
      json: [
        { id: 'ICSA-24-011-01', title: 'Siemens SIMATIC', vendor: 'Siemens', product: 'SIMATIC', affected_product: 'SIMATIC S7-1500 V3.0', release_date: '2024-01-11', link: 'https://www.cisa.gov/news-events/ics-advisories/icsa-24-011-01' },
        { id: 'ICSA-24-030-02', title: 'Rockwell FactoryTalk', vendor: 'Rockwell Automation', product: 'FactoryTalk', affected_product: 'FactoryTalk View 13.0', release_date: '2024-01-30', link: 'https://www.cisa.gov/news-events/ics-advisories/icsa-24-030-02' },
      ],
    },
  },
];
