import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XsltExecutable;

/**
 * One JVM for all the e-invoice schematron runs of a test run (EInvoiceValidator): each line on
 * standard input is "stylesheet TAB source TAB output"; the stylesheet is compiled once and kept,
 * the SVRL report written to the output file, and one line answered: "OK" or "ERROR message".
 * Run with the JDK's source launcher: java -cp Saxon-HE.jar SchematronServer.java
 */
public final class SchematronServer {
    public static void main(String[] args) throws Exception {
        Processor processor = new Processor(false);
        Map<String, XsltExecutable> compiled = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split("\t");
            try {
                XsltExecutable stylesheet = compiled.get(parts[0]);
                if (stylesheet == null) {
                    stylesheet = processor.newXsltCompiler().compile(new StreamSource(new File(parts[0])));
                    compiled.put(parts[0], stylesheet);
                }

                stylesheet.load30().transform(new StreamSource(new File(parts[1])), processor.newSerializer(new File(parts[2])));
                out.println("OK");
            } catch (Exception e) {
                out.println("ERROR " + String.valueOf(e.getMessage()).replace('\n', ' ').replace('\r', ' '));
            }
        }
    }
}
