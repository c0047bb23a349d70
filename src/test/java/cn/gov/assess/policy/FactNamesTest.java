package cn.gov.assess.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 旧规则副本与旧快照里的全名改写为今天的全名；今天的写法原样不动。 */
class FactNamesTest {
    @Test
    void oldPackagesAreRewritten() {
        String old = "import cn.gov.assess.rules.Parameters\nimport cn.gov.assess.rules.Policy\n"
                + "import cn.gov.assess.assessment.Tally\nimport cn.gov.assess.assessment.Firing\n";
        assertEquals("import cn.gov.assess.facts.Parameters\nimport cn.gov.assess.facts.Policy\n"
                + "import cn.gov.assess.facts.Tally\nimport cn.gov.assess.facts.Firing\n", FactNames.upgrade(old));
    }

    @Test
    void currentNamesStayAsTheyAre() {
        String now = "import cn.gov.assess.facts.Parameters\nimport cn.gov.assess.facts.Tally\n";
        assertEquals(now, FactNames.upgrade(now));
    }
}
