package cn.zhengai.workbench;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The workbench (工作台): where staff work the chains' tables of their unit in the browser. The page is a shell
 * rendered with the session's CSRF token; the grid (bundled from app/workbench at build time, served from
 * {@code /workbench/}) reads and writes through {@code /api/planning}. {@code ?table=&year=&unit=} opens exactly
 * those rows, so that task forms can link to them.
 */
@Controller
class WorkbenchPage {

  static final String PATH = "/workbench";

  @GetMapping(PATH)
  String workbench() {
    return "workbench";
  }
}
