package cn.zhengai.tasks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One running round of a process per business key (a year {@code 2027}, a major's year {@code 2027/500211}, a
 * major's assessment {@code 2025-2027/500211}), kept by the database ({@code process_round}'s primary key) rather
 * than by a look at the running instances first, which two starts racing on two nodes would both pass.
 */
@Component
public class ProcessRounds {

  private final JdbcTemplate jdbc;
  private final RuntimeService runtimeService;
  private final Clock clock;

  ProcessRounds(JdbcTemplate jdbc, @Lazy RuntimeService runtimeService, Clock clock) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** Whether a round of this process and business key is running. */
  public boolean runs(String processKey, String businessKey) {
    return jdbc.queryForList("SELECT process_instance_id FROM process_round WHERE process_key = ? AND business_key = ?",
        String.class, processKey, businessKey).stream()
        .anyMatch(holder -> runtimeService.createProcessInstanceQuery().processInstanceId(holder).count() > 0);
  }

  /** The latest round of this process and business key, running or not, or empty when none was ever claimed. */
  public Optional<String> latest(String processKey, String businessKey) {
    return jdbc.queryForList("SELECT process_instance_id FROM process_round WHERE process_key = ? AND business_key = ?",
        String.class, processKey, businessKey).stream().findFirst();
  }

  /**
   * Makes the starting instance the round of its business key, in the engine's transaction, or refuses the start
   * with {@code refusal} while another round of that key runs. A finished or cancelled round's key is taken over.
   */
  public void claim(String processKey, String businessKey, String processInstanceId, String refusal) {
    List<String> holders = jdbc.queryForList("SELECT process_instance_id FROM process_round WHERE process_key = ? AND business_key = ?",
        String.class, processKey, businessKey);
    Timestamp now = Timestamp.from(Instant.now(clock));
    if (holders.isEmpty()) {
      try {
        // a racing start of the same key waits here for the other's commit, then fails on the key
        jdbc.update("INSERT INTO process_round (process_key, business_key, process_instance_id, started_at) VALUES (?, ?, ?, ?)",
            processKey, businessKey, processInstanceId, now);
        return;
      } catch (DuplicateKeyException startedMeanwhile) {
        throw new FormValueException(List.of(refusal));
      }
    }
    String holder = holders.get(0);
    boolean holderRuns = !holder.equals(processInstanceId)
        && runtimeService.createProcessInstanceQuery().processInstanceId(holder).count() > 0;
    // only one of two racing take-overs finds the old holder still in the row
    if (holderRuns || jdbc.update("UPDATE process_round SET process_instance_id = ?, started_at = ? WHERE process_key = ?"
        + " AND business_key = ? AND process_instance_id = ?", processInstanceId, now, processKey, businessKey, holder) == 0) {
      throw new FormValueException(List.of(refusal));
    }
  }
}
