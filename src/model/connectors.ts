/**
 * Where a connector lives in Flow metadata: a field named `connector`, `connectors` or `…Connector`
 * (`faultConnector`, `defaultConnector`, `nextValueConnector`…). Whole names are compared:
 * `defaultConnector` ends in "faultConnector", and `connectorLabel`-like fields are data.
 */
const CONNECTOR_FIELD = /^(connector|connectors|[a-z]\w*Connector)$/;

export const isConnectorField = (field: string): boolean => CONNECTOR_FIELD.test(field);
