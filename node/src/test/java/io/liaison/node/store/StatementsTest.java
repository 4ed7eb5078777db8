package io.liaison.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store thread's kept statements, on a real SQLite file in WAL mode. */
class StatementsTest {
  @TempDir Path dir;
  private Connection conn;
  private Statements statements;

  @BeforeEach
  void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
    try (Statement st = conn.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT)");
    }
    statements = new Statements(conn);
  }

  @AfterEach
  void close() throws SQLException {
    statements.close();
    conn.close();
  }

  private int insert(int k, String v) throws SQLException {
    return statements.with(
        "INSERT INTO t(k, v) VALUES (?, ?)",
        ps -> {
          ps.setInt(1, k);
          ps.setString(2, v);
          return ps.executeUpdate();
        });
  }

  private List<String> valuesFrom(int k) throws SQLException {
    return statements.with(
        "SELECT v FROM t WHERE k >= ? ORDER BY k",
        ps -> {
          ps.setInt(1, k);
          List<String> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  @Test
  void aStatementIsPreparedOnceAndAnswersWithEachUsesOwnParameters() throws SQLException {
    PreparedStatement[] seen = new PreparedStatement[2];
    for (int k = 0; k < 100; k++) {
      insert(k, "v" + k);
    }
    statements.with("SELECT 1", ps -> seen[0] = ps);
    statements.with("SELECT 1", ps -> seen[1] = ps);
    assertThat(seen[1]).isSameAs(seen[0]);
    assertThat(valuesFrom(98)).containsExactly("v98", "v99");
    assertThat(valuesFrom(99)).containsExactly("v99");
    assertThat(statements.size()).isEqualTo(3);
  }

  @Test
  void theSameQueryRunInsideAnotherGetsAStatementOfItsOwn() throws SQLException {
    for (int k = 0; k < 5; k++) {
      insert(k, "v" + k);
    }
    String sql = "SELECT v FROM t WHERE k >= ? ORDER BY k";
    // run once first, so that the statement of this SQL is kept when the outer use takes it
    assertThat(valuesFrom(0)).hasSize(5);
    List<String> outer = new ArrayList<>();
    List<List<String>> inner = new ArrayList<>();
    List<PreparedStatement> innerStatements = new ArrayList<>();
    PreparedStatement outerStatement =
        statements.with(
            sql,
            ps -> {
              ps.setInt(1, 0);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  outer.add(rs.getString(1));
                  inner.add(valuesFrom(4));
                  statements.with(sql, innerStatements::add);
                }
              }
              return ps;
            });
    // the inner uses of the same SQL ran on another statement, so the outer one was not reset
    assertThat(innerStatements).isNotEmpty().doesNotContain(outerStatement);
    assertThat(outer).containsExactly("v0", "v1", "v2", "v3", "v4");
    assertThat(inner).allSatisfy(l -> assertThat(l).containsExactly("v4"));
    // and one statement of the SQL is kept afterwards
    assertThat(statements.size()).isEqualTo(2);
  }

  @Test
  void aStatementWhoseUseFailedIsClosedNotKept() throws SQLException {
    insert(1, "a");
    PreparedStatement[] failed = new PreparedStatement[1];
    assertThatThrownBy(
            () ->
                statements.with(
                    "INSERT INTO t(k, v) VALUES (?, ?)",
                    ps -> {
                      failed[0] = ps;
                      ps.setInt(1, 1);
                      ps.setString(2, "duplicate key");
                      return ps.executeUpdate();
                    }))
        .isInstanceOf(SQLException.class);
    assertThat(failed[0].isClosed()).isTrue();
    assertThat(statements.size()).isZero();
    assertThat(insert(2, "b")).isEqualTo(1);
    assertThat(valuesFrom(0)).containsExactly("a", "b");
  }

  @Test
  void beyondTheLimitTheLeastRecentlyUsedAreClosed() throws SQLException {
    PreparedStatement[] first = new PreparedStatement[1];
    statements.with("SELECT 0", ps -> first[0] = ps);
    for (int i = 1; i <= Statements.LIMIT; i++) {
      statements.with("SELECT " + i, ps -> ps.execute());
    }
    assertThat(statements.size()).isEqualTo(Statements.LIMIT);
    assertThat(first[0].isClosed()).isTrue();
  }

  @Test
  void keptStatementsHoldNoReadSoACheckpointEmptiesTheLog() throws SQLException {
    for (int k = 0; k < 50; k++) {
      insert(k, "v" + k);
    }
    assertThat(valuesFrom(0)).hasSize(50);
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      rs.next();
      // busy = 0: no statement of this connection left a read transaction open
      assertThat(rs.getInt(1)).isZero();
    }
    assertThat(dir.resolve("t.db-wal")).isEmptyFile();
  }
}
