package cn.zhengai.processes.modelfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The BPMN 2.0 schema of Camunda's model jar, compiled once. Its imports (BPMNDI, DC, DI, Semantic) are read from
 * the same classpath folder, whether that is a folder, a jar or a jar nested in the app's jar; nothing is ever
 * fetched from elsewhere, neither while compiling nor while validating an upload.
 */
final class BpmnSchema {

  private static final String FOLDER = "/org/camunda/bpm/model/bpmn/schema/";
  private static final String MAIN = "BPMN20.xsd";
  /** Compiled when first needed; a {@link Schema} is immutable and shared by all threads. */
  private static final Schema SCHEMA = compile();

  private BpmnSchema() {}

  /** A validator for one document (validators are not thread-safe, the schema is). */
  static Validator newValidator() {
    Validator validator = SCHEMA.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      throw new IllegalStateException("XML 校验器不支持安全设置", e);
    }
    return validator;
  }

  private static Schema compile() {
    URL main = Bpmn.class.getResource(FOLDER + MAIN);
    if (main == null) {
      throw new IllegalStateException("找不到 BPMN 2.0 规范文件 " + FOLDER + MAIN);
    }
    try (InputStream in = main.openStream()) {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setResourceResolver(new SchemaFolder());
      return factory.newSchema(new StreamSource(in, main.toExternalForm()));
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取 BPMN 2.0 规范文件", e);
    } catch (SAXException e) {
      throw new IllegalStateException("无法编译 BPMN 2.0 规范", e);
    }
  }

  /** Resolves a schema's import by its plain file name from {@link #FOLDER}; anything else stays unresolved. */
  private static final class SchemaFolder implements LSResourceResolver {

    private final DOMImplementationLS inputs;

    SchemaFolder() {
      try {
        inputs = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
      } catch (ParserConfigurationException e) {
        throw new IllegalStateException("XML 解析器不可用", e);
      }
    }

    @Override
    public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId, String baseUri) {
      if (systemId == null || !systemId.matches("[A-Za-z0-9]+\\.xsd")) {
        return null;
      }
      URL schema = Bpmn.class.getResource(FOLDER + systemId);
      if (schema == null) {
        return null;
      }
      try {
        LSInput input = inputs.createLSInput();
        input.setByteStream(schema.openStream());
        input.setSystemId(schema.toExternalForm());
        input.setPublicId(publicId);
        return input;
      } catch (IOException e) {
        throw new UncheckedIOException("无法读取 BPMN 2.0 规范文件 " + systemId, e);
      }
    }
  }
}
