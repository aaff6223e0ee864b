// SPDX-License-Identifier: Apache-2.0
import java.nio.file.*; import java.util.*; import java.time.Duration;
import org.rfbridge.rfb.client.*; import org.rfbridge.rfb.encoding.*; import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.testharness.*;
/**
 * Bytes and PSNR of one Tight JPEG update of a photo-like 1920x1080 screen from Xvnc, for quality levels and fine
 * qualities with subsampling: the measurement behind AdaptiveEncoding's fine qualities (JPEG-QUALITY.md). Run it
 * as a single-file program after {@code mvn -B -q install -DskipTests}:
 *
 * <pre>java -cp rfb-client/core/target/rfbridge-rfb-core-all.jar:test-harness/target/rfbridge-test-harness-0.1.0-SNAPSHOT.jar rfb-client/core/bench/JpegQualityProbe.java</pre>
 */
public class JpegQualityProbe {
  public static void main(String[] a) throws Exception {
    Path dir = Files.createTempDirectory("qprobe");
    int w=1920,h=1080; int[] px=new int[w*h]; Random grain=new Random(42);
    for(int y=0;y<h;y++)for(int x=0;x<w;x++){int n=grain.nextInt(13)-6; int r=c((int)(128+90*Math.sin(x/53.0+y/71.0))+n), g=c((int)(128+90*Math.sin(x/91.0-y/37.0))+n), b=c((int)(128+90*Math.cos((x+y)/77.0))+n); px[y*w+x]=0xFF000000|r<<16|g<<8|b;}
    ArgbImage photo=ArgbImage.of(w,h,px);
    try (XvncServer xvnc = XvncServer.builder().geometry(w,h).start(dir); ManagedProcess shown = xvnc.x().show(photo, dir)) {
      ArgbImage truth = xvnc.x().grab();
      // {quality level, fine quality or null, subsampling or null}
      String[][] settings = {{"6", null, null}, {"6", "79", "2x"}, {"6", "80", "2x"}, {"6", "82", "2x"},
          {"8", null, null}, {"8", "92", "2x"}, {"8", "93", "2x"}, {"8", "94", "2x"}};
      for (String[] s : settings) {
        EncodingPreferences p = EncodingPreferences.auto().only(Encodings.TIGHT).withQuality(Integer.parseInt(s[0])).withCompression(2);
        if (s[1]!=null) p = p.withJpeg(Integer.parseInt(s[1]), EncodingPreferences.parseSubsampling(s[2]));
        ClientOptions o = ClientOptions.builder().securityTypes(List.of(1)).autoAcknowledgeUpdates(true).encodingPreferences(p).build();
        try (RfbClient c = RfbClient.connect(xvnc.tcpTarget(), o, new RfbClientListener(){})) {
          Framebuffer fb = c.awaitFirstUpdate(Duration.ofSeconds(20));
          long bytes = c.stats().snapshot().bytesReceived();
          ArgbImage got = ArgbImage.of(fb.width(), fb.height(), fb.pixels().clone());
          System.out.printf("q%s fine %s sub %s: %d KiB, PSNR %.2f dB, mean err %.2f%n", s[0], s[1], s[2], bytes/1024, psnr(truth, got), truth.meanChannelError(got));
        }
      }
    }
  }
  static int c(int v){return Math.max(0,Math.min(255,v));}
  static double psnr(ArgbImage a, ArgbImage b){ double se=0; int n=a.width()*a.height(); for(int i=0;i<n;i++){int p=a.pixels()[i],q=b.pixels()[i]; for(int s=0;s<24;s+=8){int d=((p>>>s)&255)-((q>>>s)&255); se+=d*d;}} double mse=se/(3.0*n); return 10*Math.log10(255*255/mse);}
}
