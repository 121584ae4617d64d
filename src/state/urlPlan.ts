/**
 * Where a typed URL will be fetched from, for the URL dialog to say before it asks (pure: no request). Not
 * part of the store and not on the first screen: only that dialog, which loads on first use, imports it.
 */
export { planUrl } from '../sources/url';
