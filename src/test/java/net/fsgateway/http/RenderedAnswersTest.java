package net.fsgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import net.fsgateway.codec.XmlRpcResponseWriter;
import net.fsgateway.xmlrpc.MethodResponse;
import net.fsgateway.xmlrpc.XStruct;
import net.fsgateway.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.Test;

class RenderedAnswersTest {
  private static XmlRpcValue large(String tag) {
    return XStruct.builder().put("error", "").put("text", tag + "x".repeat(AnswerSizes.LARGE_BYTES)).build();
  }

  private static Buffer written(MethodResponse answer) {
    return XmlRpcResponseWriter.write(answer, true);
  }

  @Test
  void theVeryAnswerWrittenBeforeGetsItsBodyBackAnEqualOneDoesNot() {
    RenderedAnswers rendered = new RenderedAnswers();
    XmlRpcValue value = large("a");
    MethodResponse first = new MethodResponse.Success(value);
    Buffer body = written(first);
    assertThat(rendered.find(first)).isNull();
    rendered.keep(first, body);
    assertThat(rendered.find(new MethodResponse.Success(value))).as("a new response around the same value")
        .isSameAs(body);
    assertThat(rendered.find(new MethodResponse.Success(large("a"))))
        .as("an equal value built anew may come from other rows: written anew").isNull();
  }

  @Test
  void smallAnswersAndFaultsAreNotKept() {
    RenderedAnswers rendered = new RenderedAnswers();
    MethodResponse small = new MethodResponse.Success(XStruct.builder().put("error", "").build());
    rendered.keep(small, written(small));
    assertThat(rendered.find(small)).isNull();
    MethodResponse fault = new MethodResponse.Fault(-32603, "x".repeat(AnswerSizes.LARGE_BYTES));
    rendered.keep(fault, written(fault));
    assertThat(rendered.find(fault)).isNull();
  }

  @Test
  void atMostItsSlotsAreKeptTheOldestGoingFirst() {
    RenderedAnswers rendered = new RenderedAnswers();
    MethodResponse[] answers = new MethodResponse[RenderedAnswers.SLOTS + 1];
    for (int i = 0; i < answers.length; i++) {
      answers[i] = new MethodResponse.Success(large("n" + i));
      rendered.keep(answers[i], written(answers[i]));
    }
    assertThat(rendered.find(answers[0])).isNull();
    for (int i = 1; i < answers.length; i++) {
      assertThat(rendered.find(answers[i])).as("answer %d", i).isNotNull();
    }
  }

  @Test
  void aKeptAnswerIsCompressedOncePerCodingAndStaysWhole() throws Exception {
    RenderedAnswers rendered = new RenderedAnswers();
    MethodResponse answer = new MethodResponse.Success(large("c"));
    Buffer body = written(answer);
    String text = body.toString();
    rendered.keep(answer, body);
    Buffer gzip = rendered.compressed(answer, body, AnswerCompression.Coding.GZIP);
    assertThat(rendered.compressed(answer, body, AnswerCompression.Coding.GZIP)).isSameAs(gzip);
    Buffer deflate = rendered.compressed(answer, body, AnswerCompression.Coding.DEFLATE);
    assertThat(deflate).isNotSameAs(gzip);
    assertThat(rendered.compressed(answer, body, AnswerCompression.Coding.DEFLATE)).isSameAs(deflate);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.getBytes()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
    }
    try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflate.getBytes()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
    }
    assertThat(body.toString()).as("compressing only reads the kept body").isEqualTo(text);
  }

  @Test
  void anAnswerNotKeptIsCompressedEveryTime() {
    RenderedAnswers rendered = new RenderedAnswers();
    MethodResponse answer = new MethodResponse.Success(large("d"));
    Buffer body = written(answer);
    Buffer first = rendered.compressed(answer, body, AnswerCompression.Coding.GZIP);
    assertThat(rendered.compressed(answer, body, AnswerCompression.Coding.GZIP)).isNotSameAs(first)
        .isEqualTo(first);
    rendered.keep(answer, body);
    for (int i = 0; i < RenderedAnswers.SLOTS; i++) {
      MethodResponse other = new MethodResponse.Success(large("o" + i));
      rendered.keep(other, written(other));
    }
    Buffer afterEviction = rendered.compressed(answer, body, AnswerCompression.Coding.GZIP);
    assertThat(rendered.compressed(answer, body, AnswerCompression.Coding.GZIP)).isNotSameAs(afterEviction);
  }
}
