package cn.zhengai.simulation;

import cn.zhengai.calendar.CollegeTime;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The banner every page of the product shows while the training clock runs (the webapps load it through
 * {@code zhengai/webapps.js}, the product's own pages with a script tag), so that nobody takes a rehearsal for the
 * real thing. Outside simulation mode the script is empty. It is public: the login page shows it too.
 */
@Controller
class SimulationBanner {

  static final String PATH = "/simulation-banner.js";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final boolean active;
  private final Clock clock;

  SimulationBanner(Environment environment, Clock clock) {
    this.active = environment.matchesProfiles(SimulationMode.PROFILE);
    this.clock = clock;
  }

  @GetMapping(path = PATH, produces = "text/javascript;charset=UTF-8")
  ResponseEntity<String> script() {
    String script = !active ? "// 演练模式未开启\n" : """
        (function () {
          function show() {
            if (document.getElementById('simulation-banner')) return;
            var bar = document.createElement('div');
            bar.id = 'simulation-banner';
            bar.setAttribute('role', 'status');
            bar.style.cssText = 'position:fixed;left:0;right:0;bottom:0;z-index:10000;padding:3px 12px;background:#b3261e;color:#fff;'
              + 'font:bold 13px/18px sans-serif;text-align:center;';
            bar.appendChild(document.createTextNode('演练模式：当前模拟时间 %s，此处数据仅供演练，不是正式数据。 '));
            var link = document.createElement('a');
            link.href = '/simulation';
            link.textContent = '演练时钟';
            link.style.color = '#fff';
            bar.appendChild(link);
            document.body.appendChild(bar);
            document.body.style.paddingBottom = '28px';
          }
          if (document.body) show(); else document.addEventListener('DOMContentLoaded', show);
        })();
        """.formatted(LocalDateTime.now(clock.withZone(CollegeTime.ZONE)).format(SHOWN));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(script);
  }
}
