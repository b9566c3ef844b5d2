package cn.zhengai.statedata;

import cn.zhengai.calendar.CollegeTime;
import cn.zhengai.statedata.DataSources.Settings;
import cn.zhengai.statedata.DataSources.SourceRequest;
import cn.zhengai.statedata.ReadingLoader.Offered;
import cn.zhengai.statedata.ReadingLoader.Place;
import cn.zhengai.statedata.SourceRuns.Run;
import cn.zhengai.statedata.SourceRuns.Start;
import cn.zhengai.org.DemoProperties;
import cn.zhengai.planning.TableRow;
import cn.zhengai.planning.TableScope;
import cn.zhengai.security.Access;
import cn.zhengai.security.CurrentUser;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo college's state data, on the first start of the default profile: four indicators of the teaching units
 * (在校生数 and 流失学生数 measured, 学生流失率 derived from them, 学生评教满意度), the national platform's export as a
 * file source, and the twelve months before the current one read from it, one run (which the monitors then judge).
 */
@Component
@Order(3)
class DemoReadings implements ApplicationRunner {

  static final String LOADER = "demo-data";
  static final String SOURCE = "zt-platform";
  private static final Logger LOG = LoggerFactory.getLogger(DemoReadings.class);
  private static final List<String> TEACHING_UNITS = List.of("汽车工程学院", "智能制造学院", "电子信息学院", "经济管理学院", "人文与艺术学院", "基础教学部");
  private static final List<List<String>> INDICATORS = List.of(
      List.of("STUDENTS", "在校生数", "人", "学校", "越高越好", "学工处", "", "", ""),
      List.of("DROPOUTS", "流失学生数", "人", "学校", "越低越好", "学工处", "", "", ""),
      List.of("DROPOUT_RATE", "学生流失率", "%", "学校", "越低越好", "学工处", "RATIO(DROPOUTS, STUDENTS) * 100", "", ""),
      List.of("TEACHING_SATISFACTION", "学生评教满意度", "%", "学校", "越高越好", "教务处", "", "", ""));

  private final DemoProperties demo;
  private final IndicatorTable indicators;
  private final DataSources sources;
  private final SourceRunner runner;
  private final Clock clock;

  DemoReadings(DemoProperties demo, IndicatorTable indicators, DataSources sources, SourceRunner runner, Clock clock) {
    this.demo = demo;
    this.indicators = indicators;
    this.sources = sources;
    this.runner = runner;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!demo.enabled() || !indicators.rows(TableScope.ALL).isEmpty()) {
      return;
    }
    CurrentUser loader = new CurrentUser(LOADER, List.of(Access.ADMIN_GROUP));
    List<TableRow> rows = new ArrayList<>();
    for (int i = 0; i < INDICATORS.size(); i++) {
      rows.add(new TableRow(i + 2, null, INDICATORS.get(i)));
    }
    indicators.save(rows, loader, TableScope.ALL);
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("在校生数", "STUDENTS");
    columns.put("流失学生数", "DROPOUTS");
    columns.put("学生评教满意度（%）", "TEACHING_SATISFACTION");
    var source = sources.save(SOURCE, new SourceRequest("国家人才培养工作状态数据采集平台（月度导出）", "FILE", null, true,
        new Settings(null, "教学单位月度数据", "教学单位", "统计月份", null, null, null, columns, null, null, null, null), null), LOADER);
    Run run = runner.run(source, Start.MANUAL, LOADER, "演示数据：近十二个月", () -> year(columns));
    LOG.info("演示数据：{} 个指标，{} 个月的读数（{} 条）", INDICATORS.size(), 12, run.rowsLoaded());
  }

  /**
   * The twelve months before this one, every teaching unit, values that drift a little month by month; one unit's
   * last month beyond its control limits, so that the monitors warn of it.
   */
  private List<Offered> year(Map<String, String> columns) {
    YearMonth thisMonth = YearMonth.from(CollegeTime.today(clock));
    List<Offered> offered = new ArrayList<>();
    int row = 2;
    for (int back = 12; back >= 1; back--) {
      YearMonth month = thisMonth.minusMonths(back);
      for (int unit = 0; unit < TEACHING_UNITS.size(); unit++, row++) {
        int students = 1200 + 150 * unit + (back * 5 + unit) % 7 - 3;
        // 汽车工程学院 loses far more students last month than ever before: its control chart fires a rule
        int dropouts = unit == 0 && back == 1 ? 14 : 2 + (unit + back) % 4;
        String satisfaction = String.valueOf(90 + (unit * 7 + back * 3) % 8 - (unit == 3 && back <= 3 ? 4 : 0));
        String[] values = {String.valueOf(students), String.valueOf(dropouts), satisfaction};
        int column = 0;
        for (String header : columns.keySet()) {
          offered.add(new Offered(new Place("教学单位月度数据", row, null, "教学单位", "统计月份", header), columns.get(header),
              TEACHING_UNITS.get(unit), month.toString(), values[column++]));
        }
      }
    }
    return offered;
  }
}
