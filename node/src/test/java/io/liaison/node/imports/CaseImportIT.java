package io.liaison.node.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liaison.node.Await;
import io.liaison.node.Http;
import io.liaison.node.TestCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes; 兴和县 (node 0) imports its case register. An XLSX register in the bureau's own
 * Chinese column names is found and linked on the other nodes; a register with bad rows is refused
 * naming each row and column in Chinese and stores nothing; the good rows only are shared when the
 * officer asks (a GBK CSV); a node stopped mid-import goes on after its restart without sharing any
 * row twice, and importing the same register again shares nothing new.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseImportIT {
  static final Duration WAIT = Duration.ofSeconds(60);
  static final String XLSX = ImportRoutes.XLSX_TYPE;
  static final String MAPPING =
      """
      {"columns":[
        {"column":"案件编号","field":"案件编号"},
        {"column":"立案日期","field":"FILED_ON"},
        {"column":"案由","field":"案件类别"},
        {"column":"当事人","field":"当事人"},
        {"column":"车牌","field":"车牌"},
        {"column":"联系电话","field":"PHONE"},
        {"column":"案值(万元)","field":"案值(万元)"},
        {"column":"品牌","field":"品牌"},
        {"column":"数量(条)","field":"数量(条)"},
        {"column":"查获地点","field":"地点"},
        {"column":"备注","field":"不导入"}],
       "defaults":{"disposition":"PENDING"}}
      """;
  static final String HEADER = "案件编号,立案日期,案由,当事人,车牌,联系电话,案值(万元),品牌,数量(条),查获地点,备注";

  static final long MAX_BYTES = 2L * 1024 * 1024;

  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    // batches of 50 rows, so that a node can be stopped between two of them
    System.setProperty("liaison.import.batchSize", "50");
    // registers of at most 2 MiB, so that a test can send more
    System.setProperty("liaison.import.maxBytes", String.valueOf(MAX_BYTES));
    cluster = new TestCluster(dir, 3).startAll();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    System.clearProperty("liaison.import.batchSize");
    System.clearProperty("liaison.import.maxBytes");
    cluster.close();
  }

  @Test
  @Order(1)
  void anXlsxRegisterInTheBureausOwnColumnsIsSearchableAndLinkedOnTheOtherNodes() throws Exception {
    // 天镇县 shared a case by hand: same van, same phone as row 151 of 兴和县's register
    Http.Response tianzhen =
        Http.postJson(
            cluster.url(1) + "/api/v1/cases",
            """
            {"caseNumber":"天烟立字〔2025〕第88号","category":"无证运输","foundOn":"2025-06-02",
             "filedOn":"2025-06-02","valueYuan":"27000","disposition":"PENDING",
             "narrative":"天镇县物流点查获无证运输卷烟，送货车辆蒙J5Q318，收货人电话139-4716-1234。",
             "location":{"countyCode":"140222","town":"玉泉镇","address":"天镇县玉泉镇物流园"},
             "entities":[{"type":"PLATE","value":"蒙J·5Q318"},{"type":"PHONE","value":"13947161234"}],
             "items":[{"brand":"中华","spec":"硬","quantity":"60条"}]}
            """);
    assertThat(tianzhen.status()).as(tianzhen.body()).isEqualTo(201);

    Http.Response saved = put(cluster.url(0) + "/api/v1/cases/imports/mapping", MAPPING);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().at("/columns/0/field").asText()).isEqualTo("CASE_NUMBER");
    assertThat(Http.get(cluster.url(0) + "/api/v1/cases/imports/mapping").json().get("columns"))
        .hasSize(11);

    int rows = 300;
    JsonNode job = await(0, upload(0, XLSX, register(rows), "?fileName=" + enc("2024年案件登记.xlsx")));
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
    assertThat(job.get("rowsRead").asLong()).isEqualTo(rows);
    assertThat(job.get("rowsValid").asLong()).isEqualTo(rows);
    assertThat(job.get("rowsStored").asLong()).isEqualTo(rows);
    assertThat(job.get("rowsSkipped").asLong()).isZero();
    assertThat(job.get("fileName").asText()).isEqualTo("2024年案件登记.xlsx");

    // every row on node 2, with its fields as the register says
    Await.until(
        WAIT,
        () -> total(2, "from=2024-01-01&to=2024-12-31&kind=case&bureau=150924") == rows,
        rows + " imported cases searchable on node 2");
    JsonNode c =
        Http.get(cluster.url(2) + "/api/v1/cases/" + enc("case:150924:兴烟立字〔2024〕第0007号")).json();
    assertThat(c.at("/case/filedOn").asText()).isEqualTo("2024-01-08");
    assertThat(c.at("/case/valueFen").asLong()).isEqualTo(1_250_000); // 1.25万元
    assertThat(c.at("/case/items/0/sticks").asLong()).isEqualTo(7 * 10 * 200); // 70条
    assertThat(c.at("/case/items/0/brand").asText()).isEqualTo("玉溪");
    assertThat(c.at("/case/items/0/spec").asText()).isEqualTo("软");
    assertThat(c.at("/case/category").asText()).isEqualTo("UNLICENSED_TRANSPORT");
    assertThat(c.at("/case/disposition").asText()).isEqualTo("PENDING");
    assertThat(c.at("/case/location/countyCode").asText()).isEqualTo("150924");
    assertThat(c.at("/case/entities").toString()).contains("当事人", "张七号");
    assertThat(c.at("/proof/signer").asText()).isEqualTo("150924");
    JsonNode hits = search(2, "q=" + enc("张七号"));
    assertThat(hits.toString()).contains("case:150924:兴烟立字〔2024〕第0007号");
    // linked on node 2 across the border with 天镇县's case
    Await.until(
        WAIT,
        () -> {
          String body = Http.get(cluster.url(2) + "/api/v1/networks").body();
          return body.contains("case:150924:兴烟立字〔2024〕第0151号")
              && body.contains("case:140222:天烟立字〔2025〕第88号");
        },
        "the imported case linked with 天镇县's on node 2");
    assertThat(Http.get(cluster.url(0) + "/api/v1/cases/imports").json().at("/jobs/0/id").asText())
        .isEqualTo(job.get("id").asText());
  }

  @Test
  @Order(2)
  void aRegisterWithBadRowsIsRefusedNamingRowAndColumnAndStoresNothing() throws Exception {
    byte[] csv = ("\uFEFF" + badRegister()).getBytes(StandardCharsets.UTF_8);
    JsonNode job = await(0, upload(0, "text/csv", csv, ""));
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("REFUSED");
    assertThat(job.get("rowsRead").asLong()).isEqualTo(6);
    assertThat(job.get("rowsValid").asLong()).isEqualTo(2);
    assertThat(job.get("rowsInvalid").asLong()).isEqualTo(4);
    assertThat(job.get("rowsStored").asLong()).isZero();
    List<String> errors = new ArrayList<>();
    job.get("errors")
        .forEach(
            e ->
                errors.add(
                    e.get("row").asLong()
                        + "|"
                        + e.get("column").asText()
                        + "|"
                        + e.get("message").asText()));
    assertThat(errors)
        .anyMatch(e -> e.startsWith("4|立案日期|") && e.contains("应为日期"))
        .anyMatch(e -> e.startsWith("5|案值(万元)|") && e.contains("应为金额"))
        .anyMatch(e -> e.startsWith("6|案件编号|") && e.contains("与第 2 行重复"))
        .anyMatch(e -> e.startsWith("7|案件编号|") && e.contains("必填"));
    assertThat(errors).allMatch(e -> e.codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF));
    // nothing stored: not even the good rows
    assertThat(Http.get(cluster.url(0) + "/api/v1/cases/" + enc("兴烟立字〔2023〕第1号")).status())
        .isEqualTo(404);
    // a header without a mapped column refuses the whole file
    JsonNode header =
        await(
            0,
            upload(
                0,
                "text/csv",
                "案件编号,立案日期\n兴烟立字〔2023〕第9号,2023-01-01\n".getBytes(StandardCharsets.UTF_8),
                ""));
    assertThat(header.get("state").asText()).isEqualTo("REFUSED");
    assertThat(header.at("/errors/0/row").asLong()).isEqualTo(1);
    assertThat(header.at("/errors/0/message").asText()).contains("表头缺少「案由」列");
  }

  @Test
  @Order(3)
  void theGoodRowsOnlyAreSharedWhenTheOfficerAsksEvenFromAGbkFile() throws Exception {
    byte[] gbk = badRegister().getBytes(Charset.forName("GBK"));
    JsonNode job = await(0, upload(0, "text/csv", gbk, "?goodRowsOnly=true"));
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
    assertThat(job.get("rowsStored").asLong()).isEqualTo(2);
    assertThat(job.get("rowsInvalid").asLong()).isEqualTo(4);
    assertThat(job.get("errors")).isNotEmpty();
    Await.until(
        WAIT,
        () ->
            Http.get(cluster.url(1) + "/api/v1/cases/" + enc("case:150924:兴烟立字〔2023〕第1号")).status()
                == 200,
        "a good row on node 1");
    JsonNode c =
        Http.get(cluster.url(1) + "/api/v1/cases/" + enc("case:150924:兴烟立字〔2023〕第1号")).json();
    assertThat(c.at("/case/entities").toString()).contains("李四");
    assertThat(
            Http.get(cluster.url(1) + "/api/v1/cases/" + enc("case:150924:兴烟立字〔2023〕第3号")).status())
        .isEqualTo(404); // row 4: a bad date
  }

  @Test
  @Order(4)
  void aNodeStoppedMidImportGoesOnAfterItsRestartWithoutDuplicates() throws Exception {
    int rows = 1500;
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int i = 1; i <= rows; i++) {
      csv.append(
          String.format(
              "兴烟立字〔2022〕第%05d号,2022-%02d-%02d,无证经营,王%d,,,0.5,利群,2,兴和县城关镇,\n",
              i, 1 + i % 12, 1 + i % 28, i));
    }
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
    JsonNode started = upload(0, "text/csv", file, "");
    String id = started.get("id").asText();
    Await.until(
        WAIT,
        () -> {
          JsonNode j = Http.get(cluster.url(0) + "/api/v1/cases/imports/" + id).json();
          return j.get("state").asText().equals("STORING") && j.get("rowsStored").asLong() >= 100;
        },
        "the import storing");
    cluster.stop(0);
    cluster.start(0);
    JsonNode job = await(0, started);
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
    assertThat(job.get("resumedAtRows")).as("resumed after the restart").isNotEmpty();
    assertThat(job.at("/resumedAtRows/0").asLong()).isBetween(102L, (long) rows);
    assertThat(job.get("rowsStored").asLong()).isEqualTo(rows);
    assertThat(job.get("rowsSkipped").asLong()).isZero();
    Await.until(
        WAIT,
        () -> total(1, "from=2022-01-01&to=2022-12-31&kind=case&bureau=150924") == rows,
        rows + " cases, each once, on node 1");

    // the same register again: every case is shared already
    JsonNode again = await(0, upload(0, "text/csv", file, ""));
    assertThat(again.get("state").asText()).isEqualTo("DONE");
    assertThat(again.get("rowsStored").asLong()).isZero();
    assertThat(again.get("rowsSkipped").asLong()).isEqualTo(rows);
  }

  @Test
  @Order(5)
  void resumingWhileAJobRunsNeitherRunsItTwiceNorCountsItsRowsTwice() throws Exception {
    assertThat(put(cluster.url(0) + "/api/v1/cases/imports/mapping", MAPPING).status())
        .isEqualTo(200);
    int rows = 400;
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int i = 1; i <= rows; i++) {
      csv.append(
          String.format(
              "兴烟立字〔2021〕第%05d号,2021-%02d-%02d,无证经营,钱%d,,,0.5,利群,2,兴和县城关镇,\n",
              i, 1 + i % 12, 1 + i % 28, i));
    }
    JsonNode started = upload(0, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8), "");
    String id = started.get("id").asText();
    Await.until(
        WAIT,
        () -> {
          JsonNode j = Http.get(cluster.url(0) + "/api/v1/cases/imports/" + id).json();
          return j.get("state").asText().equals("STORING") && j.get("rowsStored").asLong() >= 100;
        },
        "the import storing");
    // a second resume (a re-join, a "retry" action) while the job runs: it must not queue it again
    CaseImports imports = cluster.node(0).imports();
    imports.resume().toCompletionStage().toCompletableFuture().get();
    imports.resume().toCompletionStage().toCompletableFuture().get();
    await(0, started);
    // the runner takes jobs one at a time in order: once a job uploaded now has ended, anything
    // queued before it has run
    String one = HEADER + "\n兴烟立字〔2021〕第09999号,2021-05-05,无证经营,孙一,,,0.5,利群,2,兴和县城关镇,\n";
    await(0, upload(0, "text/csv", one.getBytes(StandardCharsets.UTF_8), ""));
    JsonNode job = Http.get(cluster.url(0) + "/api/v1/cases/imports/" + id).json();
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("DONE");
    assertThat(job.get("rowsStored").asLong()).as(job.toString()).isEqualTo(rows);
    assertThat(job.get("rowsSkipped").asLong()).as(job.toString()).isZero();
    assertThat(job.get("resumedAtRows")).as(job.toString()).isEmpty();
  }

  @Test
  @Order(6)
  void aChunkedUploadOverTheLimitIsRefusedAsSoonAsItPassesIt() throws Exception {
    URI base = URI.create(cluster.url(0));
    long limit = 64 * MAX_BYTES; // what the client would go on sending
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout((int) WAIT.toMillis());
      // the answer is read while the body is being sent: it must come before the body ends
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      AtomicLong sentWhenAnswered = new AtomicLong(-1);
      AtomicLong sent = new AtomicLong();
      Thread reader =
          new Thread(
              () -> {
                try {
                  InputStream in = socket.getInputStream();
                  byte[] b = new byte[8192];
                  int n;
                  while ((n = in.read(b)) > 0) {
                    sentWhenAnswered.compareAndSet(-1, sent.get());
                    answer.write(b, 0, n);
                  }
                } catch (IOException e) {
                  // the node closed the connection: what came before it is the answer
                }
              });
      reader.start();
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/cases/imports HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Authorization: Bearer "
                  + Http.token(cluster.url(0))
                  + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      try {
        while (sent.get() < limit && sentWhenAnswered.get() < 0) {
          out.write(
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          sent.addAndGet(chunk.length);
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // the node closed the connection on the rest of the body
      }
      reader.join(WAIT.toMillis());
      String text = answer.toString(StandardCharsets.UTF_8);
      assertThat(text).startsWith("HTTP/1.1 413");
      assertThat(text).contains("application/problem+json", "body-too-large");
      assertThat(sentWhenAnswered.get())
          .as("bytes sent before the answer came")
          .isBetween(MAX_BYTES, 8 * MAX_BYTES);
    }
    // nothing of it is kept: the refused upload's file is deleted once the node has closed it,
    // which may come just after the answer
    Path imports = cluster.config(0).dataDir().resolve("imports");
    Await.until(
        WAIT,
        () -> {
          try (var files = Files.list(imports)) {
            return files.noneMatch(f -> f.toFile().length() > MAX_BYTES / 2);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        },
        "no file over half the limit left in " + imports + " after the refused upload");
  }

  /** Rows 2..7: two good, a bad date (4), a bad amount (5), a repeated number (6), none (7). */
  static String badRegister() {
    return HEADER
        + "\n"
        + "兴烟立字〔2023〕第1号,2023-03-05,无证运输,李四,蒙J·1A234,13900001111,1.2,中华(硬),30,兴和县城关镇,\n"
        + "兴烟立字〔2023〕第2号,2023年3月6日,涉假,王五,,,0.8,黄鹤楼,20,兴和县张皋镇,\n"
        + "兴烟立字〔2023〕第3号,三月七日,涉假,赵六,,,0.8,黄鹤楼,20,兴和县张皋镇,\n"
        + "兴烟立字〔2023〕第4号,2023-03-08,涉假,孙七,,,约一万,黄鹤楼,20,兴和县张皋镇,\n"
        + "兴烟立字〔2023〕第1号,2023-03-09,涉假,周八,,,0.3,黄鹤楼,20,兴和县张皋镇,\n"
        + ",2023-03-10,涉假,吴九,,,0.3,黄鹤楼,20,兴和县张皋镇,\n";
  }

  /** An XLSX register of 兴和县 in 2024, dates as Excel dates and as text. */
  static byte[] register(int rows) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "liaison-test", "1.0");
    Worksheet ws = wb.newWorksheet("2024年案件登记");
    String[] h = HEADER.split(",");
    for (int c = 0; c < h.length; c++) {
      ws.value(0, c, h[c]);
    }
    String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    for (int i = 1; i <= rows; i++) {
      int r = i;
      ws.value(r, 0, String.format("兴烟立字〔2024〕第%04d号", i));
      LocalDate filed = LocalDate.of(2024, 1, 1).plusDays(i);
      if (i % 2 == 1) {
        ws.value(r, 1, filed);
        ws.style(r, 1).format("yyyy-mm-dd").set();
      } else {
        ws.value(r, 1, filed.getYear() + "/" + filed.getMonthValue() + "/" + filed.getDayOfMonth());
      }
      ws.value(r, 2, i % 3 == 0 ? "涉假" : "无证运输");
      String name =
          "张"
              + String.valueOf(i).chars().mapToObj(d -> digits[d - '0']).reduce("", String::concat)
              + "号";
      ws.value(r, 3, name);
      if (i == 151) {
        ws.value(r, 4, "蒙J·5Q318");
        ws.value(r, 5, "13947161234");
      } else {
        ws.value(r, 4, String.format("蒙J·%05d", 10_000 + i));
        ws.value(r, 5, String.format("1390471%04d", i));
      }
      ws.value(r, 6, new BigDecimal("1.25"));
      ws.value(r, 7, i % 2 == 1 ? "玉溪(软)" : "中华(硬)");
      ws.value(r, 8, i * 10);
      ws.value(r, 9, "兴和县城关镇" + i + "号");
      ws.value(r, 10, "备注" + i);
    }
    wb.finish();
    return out.toByteArray();
  }

  static JsonNode upload(int node, String type, byte[] body, String query) {
    Http.Response r =
        Http.send(
            HttpRequest.newBuilder(URI.create(cluster.url(node) + "/api/v1/cases/imports" + query))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json();
  }

  /** The job once it has ended. */
  static JsonNode await(int node, JsonNode started) {
    String id = started.get("id").asText();
    JsonNode[] last = {started};
    Await.until(
        WAIT,
        () -> {
          Http.Response r = Http.get(cluster.url(node) + "/api/v1/cases/imports/" + id);
          if (r.status() != 200) {
            return false;
          }
          last[0] = r.json();
          String s = last[0].get("state").asText();
          return s.equals("DONE") || s.equals("REFUSED") || s.equals("FAILED");
        },
        "import " + id + " ended");
    return last[0];
  }

  static Http.Response put(String url, String json) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  static JsonNode search(int node, String query) {
    return Http.get(cluster.url(node) + "/api/v1/search?" + query).json();
  }

  static long total(int node, String query) {
    return search(node, query + "&limit=1").get("total").asLong();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
