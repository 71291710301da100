package jp.linkage.hub.iface.spec;

import java.util.ArrayList;
import java.util.List;
import jp.linkage.hub.layout.LayoutCatalog;
import jp.linkage.hub.layout.spec.LayoutJsonSchema;
import jp.linkage.hub.layout.spec.SpecDocument;

/** Every published specification file, ready to be written below one folder. */
public final class InterfaceSpecs {
  private InterfaceSpecs() {}

  /**
   * Layout schemas, envelope/payload/message schemas, the answer document schema, the AsyncAPI
   * document, and the back-office link's own AsyncAPI document and schemas ({@link
   * BackOfficeSpecs}).
   *
   * @param answerDocument the record the providers seal (the intermediate server's {@code
   *     AnswerDocument})
   */
  public static List<SpecDocument> all(
      LayoutCatalog catalog, Class<? extends Record> answerDocument) {
    List<SpecDocument> docs = new ArrayList<>(LayoutJsonSchema.all(catalog));
    docs.addAll(MessageSchemas.all());
    docs.add(
        new SpecDocument(
            AnswerDocumentSchema.PATH, AnswerDocumentSchema.schema(answerDocument, catalog)));
    docs.add(new SpecDocument(AsyncApiDocument.PATH, AsyncApiDocument.build(catalog)));
    docs.addAll(BackOfficeSpecs.all());
    return docs;
  }
}
