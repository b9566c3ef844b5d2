package cn.zhengai.planning;

import java.util.Arrays;
import java.util.List;

/** An enum whose values a sheet shows by their Chinese label, and the one way to go between the two. */
public interface Labelled {

  String label();

  static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList();
  }

  static <E extends Enum<E> & Labelled> E ofLabel(Class<E> type, String label) {
    return Arrays.stream(type.getEnumConstants()).filter(value -> value.label().equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + ": " + label));
  }
}
