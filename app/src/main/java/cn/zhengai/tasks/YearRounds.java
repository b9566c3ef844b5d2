package cn.zhengai.tasks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One running round of a yearly process per year, kept by the database ({@code year_round}'s primary key) rather
 * than by a look at the running instances first, which two starts racing on two nodes would both pass.
 */
@Component
public class YearRounds {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final Clock clock;

  YearRounds(JdbcTemplate jdbc, @Lazy RuntimeService runtimeService, Clock clock) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** Whether a round of this process and year is running. */
  public boolean runs(String processKey, int year) {
    return jdbc.queryForList("SELECT process_instance_id FROM year_round WHERE process_key = ? AND round_year = ?",
        String.class, processKey, year).stream()
        .anyMatch(holder -> runtimeService.createProcessInstanceQuery().processInstanceId(holder).count() > 0);
  }

  /**
   * Makes the starting instance the year's round, in the engine's transaction, or refuses the start with
   * {@code refusal} while another round of that year runs. A finished or cancelled round's year is taken over.
   */
  public void claim(String processKey, int year, String processInstanceId, String refusal) {
    List<String> holders = jdbc.queryForList("SELECT process_instance_id FROM year_round WHERE process_key = ? AND round_year = ?",
        String.class, processKey, year);
    Timestamp now = Timestamp.from(Instant.now(clock));
    if (holders.isEmpty()) {
      try {
        // a racing start of the same year waits here for the other's commit, then fails on the key
        jdbc.update("INSERT INTO year_round (process_key, round_year, process_instance_id, started_at) VALUES (?, ?, ?, ?)",
            processKey, year, processInstanceId, now);
        return;
      } catch (DuplicateKeyException startedMeanwhile) {
        throw new FormValueException(List.of(refusal));
      }
    }
    String holder = holders.get(0);
    boolean holderRuns = !holder.equals(processInstanceId)
        && runtimeService.createProcessInstanceQuery().processInstanceId(holder).count() > 0;
    // only one of two racing take-overs finds the old holder still in the row
    if (holderRuns || jdbc.update("UPDATE year_round SET process_instance_id = ?, started_at = ? WHERE process_key = ?"
        + " AND round_year = ? AND process_instance_id = ?", processInstanceId, now, processKey, year, holder) == 0) {
      throw new FormValueException(List.of(refusal));
    }
  }
}
