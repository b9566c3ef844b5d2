package cn.zhengai.statedata;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The 数据平台 page for 质管办 and the leading group: the sources, a file uploaded to a file source, and every run with
 * its figures and problems ({@link DataController}).
 */
@Controller
class DataPage {

  @GetMapping("/data")
  String page() {
    return "state-data";
  }
}
