import { fixture } from './fixtures';

/** Our small free-form flow (test/fixtures/Lead_Routing.freeform.flow-meta.xml): every element at a saved position. */
export const FREE_FORM = fixture('Lead_Routing.freeform.flow-meta.xml');

/**
 * Its next version: Notify_Sales added between Create_Lead and Thank_You (Thank_You moved), the fault path's
 * Show_Error removed.
 */
export const FREE_FORM_V2 = FREE_FORM.replace(
  /<faultConnector>\s*<targetReference>Show_Error<\/targetReference>\s*<\/faultConnector>/,
  '',
)
  .replace(/<screens>\s*<name>Show_Error<\/name>[\s\S]*?<\/screens>/, '')
  .replace(/(<name>Create_Lead<\/name>[\s\S]*?<connector>\s*<targetReference>)Thank_You/, '$1Notify_Sales')
  .replace(/(<name>Thank_You<\/name>[\s\S]*?<locationY>)200/, '$1260')
  .replace(
    '<variables>',
    `<assignments>
        <name>Notify_Sales</name>
        <label>Notify Sales</label>
        <locationX>1150</locationX>
        <locationY>60</locationY>
        <assignmentItems>
            <assignToReference>QueueName</assignToReference>
            <operator>Assign</operator>
            <value><stringValue>Sales</stringValue></value>
        </assignmentItems>
        <connector><targetReference>Thank_You</targetReference></connector>
    </assignments>
    <variables>`,
  );

/** The same flow saved from Auto-Layout: Builder's CanvasMode says so, and its positions are not kept. */
export const AUTO_LAYOUT = FREE_FORM.replace('FREE_FORM_CANVAS', 'AUTO_LAYOUT_CANVAS');
