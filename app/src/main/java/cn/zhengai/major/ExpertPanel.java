package cn.zhengai.major;

import cn.zhengai.integration.org.Organisation.Major;
import cn.zhengai.org.ExternalExperts;
import cn.zhengai.org.ExternalExperts.Expert;
import cn.zhengai.org.Majors;
import cn.zhengai.org.Majors.Person;
import cn.zhengai.org.Majors.StoredMajor;
import cn.zhengai.security.AppAuthority;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who may sit on a major's assessment panel: the external experts (行企、政府、用人单位) and, from inside the college,
 * the 专业带头人 of other 二级学院's majors. Nobody of the major's own 二级学院 may, and the panel needs at least
 * {@link MajorSettings#externalExpertsMin()} experts from outside.
 */
@Component
class ExpertPanel {

  private final ExternalExperts externalExperts;
  private final Majors majors;
  private final IdentityService identityService;
  private final AppAuthority appAuthority;
  private final MajorSettings settings;

  ExpertPanel(ExternalExperts externalExperts, Majors majors, @Lazy IdentityService identityService,
      AppAuthority appAuthority, MajorSettings settings) {
    this.externalExperts = externalExperts;
    this.majors = majors;
    this.identityService = identityService;
    this.appAuthority = appAuthority;
    this.settings = settings;
  }

  /** The candidates, one line each ("account　name · 校外（行企）· organisation"), as the panel form lists them. */
  String options(Major major) {
    return String.join("\n", candidates(major).values().stream().map(Candidate::line).toList());
  }

  /**
   * The experts named in the panel form (accounts, one per line or separated by commas), checked; the problems
   * are added in Chinese and the accepted accounts returned.
   */
  List<String> check(Major major, String named, List<String> problems) {
    Set<String> ids = new LinkedHashSet<>();
    for (String part : (named == null ? "" : named).split("[\\s,，、;；]+")) {
      if (!part.isBlank()) {
        ids.add(part.strip());
      }
    }
    if (ids.isEmpty()) {
      problems.add("请填写评审专家账号");
      return List.of();
    }
    Map<String, Candidate> candidates = candidates(major);
    int external = 0;
    for (String id : ids) {
      Candidate candidate = candidates.get(id);
      if (belongsTo(id, major.unit())) {
        problems.add("专家 " + id + " 是本专业所在二级学院的人员，不能担任评审专家");
      } else if (candidate == null) {
        problems.add("账号 " + id + " 不在可选专家名单中");
      } else if (candidate.external()) {
        external++;
      }
    }
    if (external < settings.externalExpertsMin()) {
      problems.add("校外专家至少 " + settings.externalExpertsMin() + " 名，现有 " + external + " 名");
    }
    return List.copyOf(ids);
  }

  private boolean belongsTo(String person, String unit) {
    return appAuthority.run(() -> identityService.createUserQuery().userId(person).memberOfGroup(unit).count() > 0);
  }

  private Map<String, Candidate> candidates(Major major) {
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    for (Expert expert : externalExperts.findAll()) {
      candidates.put(expert.id(), new Candidate(expert.id(), expert.name() + " · 校外（" + expert.sector() + "）· "
          + expert.organisation(), true));
    }
    Map<String, String> names = majors.people().stream().collect(Collectors.toMap(Person::id, Person::name, (a, b) -> a));
    List<StoredMajor> others = new ArrayList<>(majors.findAll());
    others.removeIf(stored -> stored.major().unit().equals(major.unit()));
    for (StoredMajor other : others) {
      for (String teacher : other.major().chiefTeachers()) {
        candidates.putIfAbsent(teacher, new Candidate(teacher, names.getOrDefault(teacher, teacher) + " · 校内（"
            + other.major().name() + "专业带头人）", false));
      }
    }
    return candidates;
  }

  private record Candidate(String id, String description, boolean external) {

    String line() {
      return id + "　" + description;
    }
  }
}
