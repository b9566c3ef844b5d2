package cn.zhengai.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhengai.support.AppTest;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The group authorizations' unique constraint on H2 leads with the group (see {@link GroupFirstAuthorizationIndex}):
 * the engine's check of a caller's groups looks their grants up by group, the four columns stay unique, and the
 * engine's answers are the same.
 */
@AppTest
class GroupFirstAuthorizationIndexTest {

  private static final String RESOURCE = "group-first-index-probe";
  private static final List<String> GROUPS = List.of("group-first-a", "group-first-b", "group-first-c");

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuthorizationService authorizations;

  @AfterEach
  void removeTheProbesGrants() {
    authorizations.createAuthorizationQuery().resourceId(RESOURCE).list()
        .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
  }

  @Test
  void theConstraintLeadsWithTheGroupAndIsLeftAloneAtTheNextStart() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(GroupFirstAuthorizationIndex.columns(connection)).isEqualTo(GroupFirstAuthorizationIndex.GROUP_FIRST);
    }
    assertThat(GroupFirstAuthorizationIndex.leadWithTheGroup(dataSource, "ACT_RU_AUTHORIZATION")).as("already led by the group").isFalse();
  }

  @Test
  void theEnginesCheckOfACallersGroupsLooksTheirGrantsUpByGroupOnTheUniqueIndex() {
    // H2 picks its index by its own estimates (at 50,000 open tasks it took the unique one, here it may take the
    // resource's): named here, the unique index must serve the engine's check (Authorization.xml, authCheck) by the
    // caller's groups, not by the type alone, which is every grant there is
    String index = jdbc.queryForObject("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = SCHEMA()"
        + " AND CONSTRAINT_NAME = ?", String.class, GroupFirstAuthorizationIndex.CONSTRAINT);
    String plan = jdbc.queryForObject("EXPLAIN SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A USE INDEX (" + index + ")"
        + " WHERE A.TYPE_ = 1 AND A.GROUP_ID_ IN ('" + String.join("', '", GROUPS) + "') AND BITAND(A.PERMS_, CAST(2 AS BIGINT)) = 2"
        + " AND A.RESOURCE_TYPE_ = 5 AND A.RESOURCE_ID_ = '" + RESOURCE + "'", String.class);
    assertThat(plan).contains(index + ": GROUP_ID_ IN(");
  }

  @Test
  void theFourColumnsStayUniqueAndTheEngineAnswersAsBefore() {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(GROUPS.get(1));
    grant.setResource(Resources.FILTER);
    grant.setResourceId(RESOURCE);
    grant.addPermission(Permissions.READ);
    authorizations.saveAuthorization(grant);

    assertThat(authorizations.isUserAuthorized("somebody", GROUPS, Permissions.READ, Resources.FILTER, RESOURCE)).isTrue();
    assertThat(authorizations.isUserAuthorized("somebody", List.of(GROUPS.get(0), GROUPS.get(2)), Permissions.READ, Resources.FILTER,
        RESOURCE)).isFalse();

    Authorization again = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    again.setGroupId(GROUPS.get(1));
    again.setResource(Resources.FILTER);
    again.setResourceId(RESOURCE);
    again.addPermission(Permissions.UPDATE);
    assertThatThrownBy(() -> authorizations.saveAuthorization(again)).isInstanceOf(ProcessEngineException.class);
  }
}
