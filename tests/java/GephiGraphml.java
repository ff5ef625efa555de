// Reads every <data> value of a GraphML file the way Gephi's ImporterGraphML does (gephi/gephi,
// readNodeAttValue / readEdgeAttValue: the JDK's StAX reader, CHARACTERS events appended unless
// whitespace-only) and prints "element-id U+001F key U+001F value U+001E" for each.
// Used by tests/test_export_graphml.py when a JDK is installed.
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

public class GephiGraphml {
    public static void main(String[] args) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty("javax.xml.stream.isValidating", Boolean.FALSE);
        XMLStreamReader reader = factory.createXMLStreamReader(
            new InputStreamReader(new FileInputStream(args[0]), StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        StringBuilder text = new StringBuilder();
        String element = "";
        while (reader.hasNext()) {
            int event = reader.next();
            if (event != XMLStreamReader.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (name.equals("node") || name.equals("edge")) {
                element = reader.getAttributeValue(null, "id");
            } else if (name.equals("data")) {
                String key = reader.getAttributeValue(null, "key");
                String value = "";
                boolean end = false;
                while (reader.hasNext() && !end) {
                    int type = reader.next();
                    if (type == XMLStreamReader.CHARACTERS && !reader.isWhiteSpace()) {
                        value += reader.getText();
                    } else if (type == XMLStreamReader.END_ELEMENT && reader.getLocalName().equals("data")) {
                        end = true;
                    }
                }
                text.append(element).append('\u001f').append(key).append('\u001f').append(value).append('\u001e');
            }
        }
        out.print(text);
    }
}
