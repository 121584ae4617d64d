import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idChecksum, instanceHostsIn, isInstanceHost, isRecordId, recordIdsIn } from '../../src/checks/literals';
import { check, of } from './run';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

describe('record ids', () => {
  it('knows real-looking 18-character ids by their checksum', () => {
    expect(idChecksum('001000000000001')).toBe('AAA');
    expect(isRecordId('0015g00000ABCdeFAA')).toBe(idChecksum('0015g00000ABCde') === 'FAA');
    expect(isRecordId('005Dn000006GuG4IAK')).toBe(true);
    expect(isRecordId('005Dn000006GuG4IAQ')).toBe(false);
  });
  it('takes 15-character ids with a key prefix and digits, never ordinary words or numbers', () => {
    expect(isRecordId('005Dn000006GuG4')).toBe(true);
    expect(isRecordId('a04B000000587az')).toBe(true);
    for (const word of ['leftValueReference', 'getFirstRecordOnly', 'testLoopSummer1', 'Example6Details'])
      expect(isRecordId(word)).toBe(false);
    expect(isRecordId('123456789012345')).toBe(false);
    expect(recordIdsIn('CurrentTransaction nextValueConnector X12345678901234')).toEqual([]);
  });
  it('finds ids inside longer text: links, formulas, quotes', () => {
    expect(recordIdsIn("IF({!Id} = '005Dn000006GuG4IAK', '/005Dn000006GuG4', 'x')")).toEqual([
      '005Dn000006GuG4IAK',
      '005Dn000006GuG4',
    ]);
    expect(recordIdsIn('https://x.my.salesforce.com/lightning/r/0015g00000ABCdeFAA/view')).toEqual(
      isRecordId('0015g00000ABCdeFAA') ? ['0015g00000ABCdeFAA'] : [],
    );
  });
  it('accepts every id with the right checksum, rejects a wrong one, whatever the letters', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9][0-9a-zA-Z]{2}[0-9a-zA-Z]{2}0[0-9]{4}[0-9a-zA-Z]{5}$/),
        fc.constantFrom(...ALNUM),
        (id15, wrong) => {
          const good = `${id15}${idChecksum(id15)}`;
          expect(isRecordId(good)).toBe(true);
          expect(recordIdsIn(`see ${good}.`)).toEqual([good]);
          const bad = `${id15}${idChecksum(id15).slice(0, 2)}${wrong}`;
          if (bad !== good) expect(isRecordId(bad)).toBe(false);
        },
      ),
    );
  });
  it('never takes an 18-letter run of lower-case letters (every real word) for an id', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{15,18}$/), (w) => {
        expect(recordIdsIn(w)).toEqual([]);
      }),
    );
  });
});

describe('instance hosts', () => {
  it('knows My Domain, Lightning, sites, Visualforce, content and instance hosts', () => {
    for (const host of [
      'acme.my.salesforce.com',
      'acme--uat.sandbox.my.salesforce.com',
      'acme.lightning.force.com',
      'acme.my.site.com',
      'acme--c.vf.force.com',
      'acme--c.visualforce.com',
      'acme--c.documentforce.com',
      'acme.force.com',
      'na135.salesforce.com',
      'cs42.salesforce.com',
      'acme.my.salesforce-setup.com',
      'acme.builder.salesforce-experience.com',
    ])
      expect(isInstanceHost(host), host).toBe(true);
  });
  it('leaves company-wide addresses alone', () => {
    for (const host of [
      'www.salesforce.com',
      'help.salesforce.com',
      'login.salesforce.com',
      'test.salesforce.com',
      'developer.salesforce.com',
      'lightning.force.com',
      'my.salesforce.com',
      'developer.force.com',
      'example.com',
    ])
      expect(isInstanceHost(host), host).toBe(false);
  });
  it('finds hosts in text, whole: not the tail of another name, lower-cased', () => {
    expect(instanceHostsIn('Open https://ACME.my.salesforce.com/001 now')).toEqual(['acme.my.salesforce.com']);
    expect(instanceHostsIn("'https://' & {!host} & '.lightning.force.com/'")).toEqual([]);
    expect(instanceHostsIn('notsalesforce.com acme.my.salesforce.community')).toEqual([]);
  });
});

describe('where literals are looked for', () => {
  const flow = (body: string) =>
    '<?xml version="1.0" encoding="UTF-8"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata">' +
    `<apiVersion>64.0</apiVersion>${body}<label>L</label><start><locationX>0</locationX><locationY>0</locationY>` +
    '<connector><targetReference>A</targetReference></connector></start></Flow>';
  it('in values, not in names, labels, descriptions or references', () => {
    const findings = check(
      flow(
        '<assignments><name>A</name><label>005Dn000006GuG4IAK</label><description>005Dn000006GuG4</description>' +
          '<locationX>0</locationX><locationY>0</locationY><assignmentItems><assignToReference>v005Dn000006GuG4IAK' +
          '</assignToReference><operator>Assign</operator>' +
          '<value><stringValue>0125g000001AbCdAAK</stringValue></value>' +
          '</assignmentItems></assignments>',
      ),
    );
    expect(of(findings, 'hardcoded-id')).toEqual([['A', '0125g000001AbCdAAK']]);
    expect(findings.find((f) => f.rule === 'hardcoded-id')?.message).toContain('assignmentItems[1].value');
  });
  it('in the start element and the flow properties, reported on the flow', () => {
    const findings = check(
      flow(
        '<assignments><name>A</name><label>A</label><locationX>0</locationX><locationY>0</locationY></assignments>' +
          '<interviewLabel>Run at acme.my.salesforce.com {!$Flow.CurrentDateTime}</interviewLabel>',
      ).replace(
        '<connector>',
        '<filters><field>OwnerId</field><operator>EqualTo</operator><value><stringValue>005Dn000006GuG4IAK' +
          '</stringValue></value></filters><connector>',
      ),
    );
    const id = findings.find((f) => f.rule === 'hardcoded-id');
    expect(id?.element).toBe('');
    expect(id?.node).toBe('$start');
    const url = findings.find((f) => f.rule === 'hardcoded-url');
    expect(url?.element).toBe('');
    expect(url?.node).toBeUndefined();
    expect(url?.message).toMatch(/^The flow holds/);
  });
});
