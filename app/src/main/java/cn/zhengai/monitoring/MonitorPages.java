package cn.zhengai.monitoring;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The 数据监测 pages: the warnings with their Pareto, and an indicator's control chart ({@link MonitorController}). */
@Controller
class MonitorPages {

  @GetMapping("/monitors")
  String warnings() {
    return "monitors";
  }

  @GetMapping("/monitors/chart")
  String chart() {
    return "monitor-chart";
  }
}
