/**
 * A small hand-written flow for the quieter-diff tests (resource renames, noise filters): a variable, a
 * formula and a text template that refer to it, an assignment, a decision and a record update that use it.
 * Every part a test varies is an option.
 */
export interface QuietFlow {
  variable?: string;
  apiVersion?: string;
  canvasMode?: string;
  /** The decision's description. */
  decisionDescription?: string;
  /** The assignment's label. */
  assignLabel?: string;
  /** The prefix on the updated field's name (`%%%NAMESPACED_ORG%%%`). */
  fieldPrefix?: string;
  /** The value the assignment adds (a real change). */
  step?: string;
  /** Extra elements, as XML. */
  extra?: string;
}

export function quietFlowXml(o: QuietFlow = {}): string {
  const v = o.variable ?? 'Total';
  return `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>${o.apiVersion ?? '60.0'}</apiVersion>
    <assignments>
        <name>Add_One</name>
        <label>${o.assignLabel ?? 'Add One'}</label>
        <locationX>176</locationX>
        <locationY>158</locationY>
        <assignmentItems>
            <assignToReference>${v}</assignToReference>
            <operator>Add</operator>
            <value><numberValue>${o.step ?? '1.0'}</numberValue></value>
        </assignmentItems>
        <connector><targetReference>Is_Big</targetReference></connector>
    </assignments>
    <decisions>
        <name>Is_Big</name>
        <label>Is Big</label>
        <description>${o.decisionDescription ?? 'Checks the total'}</description>
        <locationX>176</locationX>
        <locationY>278</locationY>
        <defaultConnectorLabel>Default Outcome</defaultConnectorLabel>
        <rules>
            <name>Big</name>
            <conditionLogic>and</conditionLogic>
            <conditions>
                <leftValueReference>${v}</leftValueReference>
                <operator>GreaterThan</operator>
                <rightValue><numberValue>10.0</numberValue></rightValue>
            </conditions>
            <connector><targetReference>Save_Total</targetReference></connector>
            <label>Big</label>
        </rules>
    </decisions>
    <formulas>
        <name>Doubled</name>
        <dataType>Number</dataType>
        <expression>{!${v}} * 2</expression>
        <scale>0</scale>
    </formulas>
    <label>Quiet Flow</label>
    <processMetadataValues>
        <name>CanvasMode</name>
        <value><stringValue>${o.canvasMode ?? 'AUTO_LAYOUT_CANVAS'}</stringValue></value>
    </processMetadataValues>
    <processType>AutoLaunchedFlow</processType>
    <recordUpdates>
        <name>Save_Total</name>
        <label>Save Total</label>
        <locationX>50</locationX>
        <locationY>398</locationY>
        <inputAssignments>
            <field>${o.fieldPrefix ?? ''}Total__c</field>
            <value><elementReference>${v}</elementReference></value>
        </inputAssignments>
        <inputReference>$Record</inputReference>
    </recordUpdates>
    <start>
        <locationX>50</locationX>
        <locationY>0</locationY>
        <connector><targetReference>Add_One</targetReference></connector>
    </start>
    <status>Active</status>
    <textTemplates>
        <name>Summary</name>
        <isViewedAsPlainText>true</isViewedAsPlainText>
        <text>The total is {!${v}}.</text>
    </textTemplates>
    <variables>
        <name>${v}</name>
        <dataType>Number</dataType>
        <isCollection>false</isCollection>
        <isInput>false</isInput>
        <isOutput>false</isOutput>
        <scale>0</scale>
    </variables>${o.extra ?? ''}
</Flow>
`;
}
