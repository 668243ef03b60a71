/** SAP Cloud Identity Services (sap-cloud-identity-directory-service/utils.py): https://<tenant>.accounts.ondemand.com,
 * fixed in the code and called with verify=True, so it is reached through the proxy with the test certificate trusted
 * (REQUESTS_CA_BUNDLE). SCIM 2.0 list shape (RFC 7644 section 3.4.2). */
import type { Route } from '../fake-vendor';

const basic = `Basic ${Buffer.from('test-client:test-secret').toString('base64')}`;

export const routes: Route[] = [
  // The health check POSTs to the password service with no body: SAP answers 204 to a valid client.
  { method: 'POST', path: '/service/users/password', reply: (req) => (req.headers.authorization === basic ? { status: 204 } : { status: 401, json: { error: 'unauthorized' } }) },
  {
    method: 'GET',
    path: '/scim/Users/',
    reply: (req) =>
      req.headers.authorization === basic
        ? {
            json: {
              schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
              totalResults: 1,
              itemsPerPage: 1,
              startId: req.query.get('startId') ?? 'initial',
              nextId: 'end',
              Resources: [
                {
                  id: 'f1b6c2d4-5a3e-4c7b-9d1e-2f3a4b5c6d7e',
                  meta: { created: '2023-05-04T10:00:00Z', lastModified: '2023-05-04T10:00:00Z', resourceType: 'User' },
                  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
                  userName: 'jdoe',
                  name: { givenName: 'Jane', familyName: 'Doe' },
                  emails: [{ value: 'jane.doe@example.com', primary: true }],
                  active: true,
                  userType: 'employee',
                },
              ],
            },
          }
        : { status: 401, json: { error: 'unauthorized' } },
  },
];
