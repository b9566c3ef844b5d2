package cn.zhengai.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The Camunda user id and group ids behind a Spring Security authentication. */
public record CurrentUser(String userId, List<String> groupIds) {

  public static CurrentUser of(Authentication authentication) {
    List<String> groups = authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX))
        .map(authority -> authority.substring(CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX.length()))
        .toList();
    return new CurrentUser(authentication.getName(), groups);
  }

  public boolean isMemberOf(String groupId) {
    return groupIds.contains(groupId);
  }
}
