/**
 * The level-agnostic kernel of the "8"-shaped spiral (seed 三(二)): every cycle runs for a {@link
 * cn.zhengai.spiral.Subject} (the school's units, a major, later a course, a teacher, a student) at a {@link
 * cn.zhengai.spiral.Level}, over a {@link cn.zhengai.spiral.Period}. Levels build their processes on these types
 * instead of copying the school cycle; this package depends on no feature package.
 */
package cn.zhengai.spiral;
