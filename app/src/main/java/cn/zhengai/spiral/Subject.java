package cn.zhengai.spiral;

import java.util.Objects;

/**
 * What a cycle is run for: at the school level a unit (部门 or 二级学院), at the major level a major (its 专业代码),
 * later a course, a teacher, a student. Owners, candidate groups and reviews are looked up from the subject.
 */
public record Subject(Level level, String id) {

  public Subject {
    Objects.requireNonNull(level, "level");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(level.label() + "层面的诊改对象没有编号");
    }
  }

  public static Subject unit(String unitId) {
    return new Subject(Level.SCHOOL, unitId);
  }

  public static Subject major(String majorCode) {
    return new Subject(Level.MAJOR, majorCode);
  }
}
