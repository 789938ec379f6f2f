package org.mercato.catalog.infrastructure.images;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.mercato.catalog.application.DemoPictures;

/**
 * Draws demo product shots with Java2D: a soft gradient tinted by the brand, a floor shadow, a category's
 * silhouette in the variant's colour with simple shading, and the brand's name in letters. Everything that varies
 * comes from the subject (a {@link Random} seeded from the product's slug), so the same subject gives the same
 * bytes.
 */
@ApplicationScoped
public class Java2dDemoPictures implements DemoPictures {

    private static final Logger LOG = Logger.getLogger(Java2dDemoPictures.class.getName());
    private static final float JPEG_QUALITY = 0.88f;

    /** What a product looks like, found from words in its name, then in its category's name. */
    enum Silhouette {
        EARBUDS("earbud"), HEADPHONES("headphone|headset"), SOUNDBAR("soundbar"), SPEAKER("speaker|boombox"), LAPTOP(
                "laptop|notebook|ultrabook"), PHONE("smartphone|phone"), CAMERA("camera"), BOOT("boot"), SHOE(
                        "shoe|sneaker|loafer|running$"), JACKET("jacket|parka|raincoat|coat"), SWEATER(
                                "sweater|cardigan|hoodie|jumper"), SHIRT("t-shirt|tee|polo|jersey|shirt"), SHORTS(
                                        "shorts"), WATCH("watch"), POT("saucepan|oven|pot|stove"), PAN(
                                                "pan|wok|cookware"), SOFA("sofa|couch"), TABLE("table|desk$"), SHELF(
                                                        "bookshelf|shelf"), CHAIR(
                                                                "armchair|chair|furniture"), FLOOR_LAMP(
                                                                        "floor lamp"), PENDANT("pendant"), DESK_LAMP(
                                                                                "lamp|light"), HELMET("helmet"), BIKE(
                                                                                        "bike|bicycle|cycling"), SLEEPING_BAG(
                                                                                                "sleeping bag"), TENT(
                                                                                                        "tent|camping"), GENERIC(
                                                                                                                "^$");

        private final Pattern words;

        Silhouette(String words) {
            this.words = Pattern.compile("\\b(" + words + ")", Pattern.CASE_INSENSITIVE);
        }

        static Silhouette of(String productName, String category) {
            for (String text : new String[]{productName, category}) {
                if (text == null) {
                    continue;
                }
                for (Silhouette silhouette : values()) {
                    if (silhouette != Silhouette.GENERIC
                            && silhouette.words.matcher(text.toLowerCase(Locale.ROOT)).find()) {
                        return silhouette;
                    }
                }
            }
            return GENERIC;
        }
    }

    private static final Map<String, Color> COLOURS = Map.ofEntries(Map.entry("black", new Color(38, 38, 42)),
            Map.entry("white", new Color(238, 238, 232)), Map.entry("midnight blue", new Color(28, 38, 88)),
            Map.entry("grey", new Color(140, 143, 148)), Map.entry("gray", new Color(140, 143, 148)),
            Map.entry("sand", new Color(214, 196, 160)), Map.entry("navy", new Color(32, 44, 96)),
            Map.entry("tan", new Color(196, 150, 104)), Map.entry("olive", new Color(108, 114, 58)),
            Map.entry("red", new Color(192, 40, 46)), Map.entry("green", new Color(46, 132, 82)),
            Map.entry("yellow", new Color(240, 198, 40)), Map.entry("neon yellow", new Color(214, 244, 36)),
            Map.entry("cream", new Color(240, 228, 200)), Map.entry("charcoal", new Color(62, 64, 70)),
            Map.entry("burgundy", new Color(118, 26, 48)), Map.entry("brass", new Color(192, 152, 72)),
            Map.entry("gold", new Color(212, 172, 60)), Map.entry("silver", new Color(192, 194, 198)),
            Map.entry("oak", new Color(196, 150, 94)), Map.entry("walnut", new Color(112, 72, 46)),
            Map.entry("blue", new Color(40, 92, 192)), Map.entry("pink", new Color(232, 140, 170)),
            Map.entry("orange", new Color(236, 124, 36)), Map.entry("purple", new Color(112, 60, 150)),
            Map.entry("brown", new Color(118, 78, 50)), Map.entry("beige", new Color(222, 206, 176)));

    private volatile boolean letteringBroken;

    @Override
    public byte[] render(Subject subject) {
        Random random = new Random(stableHash(subject.seed() + "/" + subject.category()) * 31 + subject.view());
        float brandHue = (stableHash(subject.brand() == null ? "" : subject.brand()) & 0xFFFF) / 65536f;
        float backdropHue = brandHue + (random.nextFloat() - 0.5f) * 0.04f;
        AffineTransform camera = camera(subject.view(), random);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        backdrop(image, backdropHue, camera);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color body = subject.colour() == null
                    ? colourFromBrand(brandHue)
                    : colourOf(subject.colour());
            Color accent = Color.getHSBColor(brandHue, 0.55f, 0.62f);
            Graphics2D object = (Graphics2D) g.create();
            object.transform(camera);
            draw(object, Silhouette.of(subject.productName(), subject.category()), body, accent, random);
            object.dispose();
            lettering(g, subject.brand(), Color.getHSBColor(brandHue, 0.45f, 0.32f));
        } finally {
            g.dispose();
        }
        return jpeg(image);
    }

    /** Main shot, a closer look, or the other side, each slightly turned and placed as the seed says. */
    private static AffineTransform camera(int view, Random random) {
        AffineTransform camera = new AffineTransform();
        double turn = Math.toRadians((random.nextDouble() - 0.5) * 6);
        double scale = 1.0 + random.nextDouble() * 0.08;
        double shift = (random.nextDouble() - 0.5) * 50;
        camera.translate(600 + shift, 600);
        if (view == 1) {
            scale *= 1.35;
            camera.translate(40, -70);
        } else if (view >= 2) {
            camera.scale(-1, 1);
            turn += Math.toRadians(7);
        }
        camera.rotate(turn);
        camera.scale(scale, scale);
        camera.translate(-600, -600);
        return camera;
    }

    /**
     * The backdrop, written straight into the pixels (gradient paints over the whole picture cost several times
     * more): a vertical gradient in the brand's tint, a soft light behind the product and its shadow on the floor.
     */
    private static void backdrop(BufferedImage image, float hue, AffineTransform camera) {
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Color top = Color.getHSBColor(hue, 0.08f, 0.99f);
        Color bottom = Color.getHSBColor(hue, 0.20f, 0.88f);
        Point2D floor = camera.transform(new Point2D.Double(600, 905), null);
        double scale = Math.sqrt(Math.abs(camera.getDeterminant()));
        double shadowWidth = 380 * scale;
        double shadowHeight = 62 * scale;
        for (int y = 0; y < SIZE; y++) {
            double t = y / (double) (SIZE - 1);
            double r = top.getRed() + (bottom.getRed() - top.getRed()) * t;
            double gr = top.getGreen() + (bottom.getGreen() - top.getGreen()) * t;
            double b = top.getBlue() + (bottom.getBlue() - top.getBlue()) * t;
            double dy = (y - 520) / 560.0;
            double sy = (y - floor.getY()) / shadowHeight;
            int row = y * SIZE;
            for (int x = 0; x < SIZE; x++) {
                double dx = (x - 600) / 560.0;
                double light = 1 - Math.sqrt(dx * dx + dy * dy);
                double pr = r;
                double pg = gr;
                double pb = b;
                if (light > 0) {
                    double a = light * 0.55;
                    pr += (255 - pr) * a;
                    pg += (255 - pg) * a;
                    pb += (255 - pb) * a;
                }
                double sx = (x - floor.getX()) / shadowWidth;
                double d = sx * sx + sy * sy;
                if (d < 1) {
                    double a = (1 - Math.sqrt(d)) * 0.38;
                    pr *= 1 - a;
                    pg *= 1 - a;
                    pb *= 1 - a;
                }
                pixels[row + x] = ((int) pr << 16) | ((int) pg << 8) | (int) pb;
            }
        }
    }

    private void lettering(Graphics2D g, String brand, Color colour) {
        if (brand == null || brand.isBlank() || letteringBroken) {
            return;
        }
        try {
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, 58)
                    .deriveFont(Map.of(TextAttribute.TRACKING, 0.18f));
            TextLayout text = new TextLayout(brand.toUpperCase(Locale.ROOT), font, g.getFontRenderContext());
            Rectangle2D bounds = text.getBounds();
            g.setColor(colour);
            text.draw(g, (float) (600 - bounds.getCenterX()), 1110f);
        } catch (RuntimeException | Error fontsMissing) {
            // a server without fonts still gets pictures, without the brand's name
            letteringBroken = true;
            LOG.log(Level.WARNING, "Demo pictures are drawn without lettering: no usable font", fontsMissing);
        }
    }

    private static void draw(Graphics2D g, Silhouette silhouette, Color body, Color accent, Random random) {
        Color dark = new Color(44, 44, 50);
        Color metal = new Color(178, 180, 186);
        double v = random.nextDouble(); // a little variety in proportions
        switch (silhouette) {
            case HEADPHONES -> {
                g.setStroke(new BasicStroke(46, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(shade(body, 0.85f));
                g.draw(new Arc2D.Double(360, 300, 480, 520, 8, 164, Arc2D.OPEN));
                g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(metal);
                g.draw(new Line2D.Double(372, 520, 372, 560));
                g.draw(new Line2D.Double(828, 520, 828, 560));
                solid(g, new RoundRectangle2D.Double(300, 540, 140 + v * 20, 250, 70, 70), body);
                solid(g, new RoundRectangle2D.Double(760 - v * 20, 540, 140 + v * 20, 250, 70, 70), body);
                solid(g, new RoundRectangle2D.Double(420 + v * 20, 575, 40, 180, 30, 30), dark);
                solid(g, new RoundRectangle2D.Double(740 - v * 20, 575, 40, 180, 30, 30), dark);
            }
            case EARBUDS -> {
                solid(g, new RoundRectangle2D.Double(380, 640, 440, 250, 120, 120), shade(body, 1.1f));
                g.setColor(new Color(0, 0, 0, 60));
                g.fill(new Rectangle2D.Double(384, 735, 432, 6));
                for (int side : new int[]{-1, 1}) {
                    double x = 600 + side * 130;
                    solid(g, new RoundRectangle2D.Double(x - 28, 420, 56, 210, 40, 40), body);
                    solid(g, new Ellipse2D.Double(x - 75, 330, 150, 140), body);
                    solid(g, new Ellipse2D.Double(x - 35 + side * 30, 360, 70, 70), dark);
                }
            }
            case SPEAKER -> {
                double w = 360 + v * 80;
                solid(g, new RoundRectangle2D.Double(600 - w / 2, 300, w, 600, 80, 80), body);
                speakerCone(g, 600, 700, 140, dark, metal);
                speakerCone(g, 600, 450, 62, dark, metal);
            }
            case SOUNDBAR -> {
                solid(g, new RoundRectangle2D.Double(200, 640, 800, 170, 70, 70), body);
                g.setColor(new Color(0, 0, 0, 70));
                for (int x = 250; x < 960; x += 26) {
                    for (int y = 680; y < 780; y += 26) {
                        g.fill(new Ellipse2D.Double(x, y, 9, 9));
                    }
                }
                solid(g, new RoundRectangle2D.Double(230, 810, 100, 30, 12, 12), dark);
                solid(g, new RoundRectangle2D.Double(870, 810, 100, 30, 12, 12), dark);
            }
            case LAPTOP -> {
                solid(g, new RoundRectangle2D.Double(320, 300, 560, 380, 30, 30), shade(body, 0.9f));
                g.setPaint(new GradientPaint(340, 320, accent, 860, 660, dark));
                g.fill(new RoundRectangle2D.Double(345, 325, 510, 330, 10, 10));
                Path2D base = new Path2D.Double();
                base.moveTo(290, 690);
                base.lineTo(910, 690);
                base.lineTo(990, 760);
                base.lineTo(210, 760);
                base.closePath();
                solid(g, base, body);
                solid(g, new RoundRectangle2D.Double(530, 712, 140, 30, 10, 10), shade(body, 0.85f));
            }
            case PHONE -> {
                solid(g, new RoundRectangle2D.Double(440, 220, 320, 660, 80, 80), body);
                g.setPaint(new GradientPaint(460, 240, accent, 740, 860, dark));
                g.fill(new RoundRectangle2D.Double(458, 240, 284, 620, 60, 60));
                solid(g, new RoundRectangle2D.Double(560, 256, 80, 22, 20, 20), dark);
                g.setColor(new Color(255, 255, 255, 50));
                g.fill(new RoundRectangle2D.Double(480, 300 + v * 300, 240, 70, 20, 20));
            }
            case CAMERA -> {
                solid(g, new RoundRectangle2D.Double(470, 330, 240, 110, 30, 30), body);
                solid(g, new RoundRectangle2D.Double(290, 400, 620, 400, 60, 60), body);
                solid(g, new RoundRectangle2D.Double(290, 480, 620, 220, 10, 10), shade(body, 0.7f));
                solid(g, new Ellipse2D.Double(770, 350, 80, 40), metal);
                speakerCone(g, 600, 600, 160 + v * 20, dark, metal);
                g.setPaint(new RadialGradientPaint(new Point2D.Double(570, 570), 90, new float[]{0f, 1f},
                        new Color[]{accent.brighter(), new Color(10, 12, 20)}));
                g.fill(new Ellipse2D.Double(520, 520, 160, 160));
            }
            case SHOE, BOOT -> {
                boolean boot = silhouette == Silhouette.BOOT;
                Path2D upper = new Path2D.Double();
                upper.moveTo(250, 800);
                upper.curveTo(240, 700, 300, 640, 420, 620);
                upper.lineTo(560, boot ? 400 - v * 40 : 540);
                upper.lineTo(boot ? 760 : 790, boot ? 400 - v * 40 : 520);
                upper.curveTo(boot ? 780 : 860, boot ? 600 : 560, 900, 640, 950, 720);
                upper.curveTo(980, 760, 960, 800, 940, 800);
                upper.closePath();
                solid(g, upper, body);
                solid(g, new RoundRectangle2D.Double(230, 790, 740, 60, 50, 50), shade(body, 1.6f));
                g.setStroke(new BasicStroke(9, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(shade(body, 0.6f));
                for (int i = 0; i < 4; i++) {
                    g.draw(new Line2D.Double(470 + i * 45, 640 - i * 22, 520 + i * 45, 660 - i * 22));
                }
            }
            case SHIRT, SWEATER, JACKET -> {
                boolean longSleeves = silhouette != Silhouette.SHIRT;
                double hem = silhouette == Silhouette.JACKET ? 930 : 880;
                Path2D shirt = new Path2D.Double();
                shirt.moveTo(500, 270);
                shirt.quadTo(600, 330, 700, 270);
                shirt.lineTo(820, 310);
                if (longSleeves) {
                    shirt.lineTo(930, 760);
                    shirt.lineTo(850, 780);
                    shirt.lineTo(790, 520);
                } else {
                    shirt.lineTo(920, 480);
                    shirt.lineTo(820, 530);
                }
                shirt.lineTo(800, hem);
                shirt.lineTo(400, hem);
                if (longSleeves) {
                    shirt.lineTo(410, 520);
                    shirt.lineTo(350, 780);
                    shirt.lineTo(270, 760);
                } else {
                    shirt.lineTo(380, 530);
                    shirt.lineTo(280, 480);
                }
                shirt.lineTo(380, 310);
                shirt.closePath();
                solid(g, shirt, body);
                g.setColor(shade(body, 0.72f));
                g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Arc2D.Double(500, 230, 200, 100, 200, 140, Arc2D.OPEN));
                if (silhouette == Silhouette.JACKET) {
                    g.draw(new Line2D.Double(600, 320, 600, hem - 10));
                    g.fill(new RoundRectangle2D.Double(460, 640, 90, 14, 8, 8));
                    g.fill(new RoundRectangle2D.Double(650, 640, 90, 14, 8, 8));
                } else if (silhouette == Silhouette.SWEATER) {
                    for (double y = hem - 50; y < hem; y += 14) {
                        g.draw(new Line2D.Double(410, y, 790, y));
                    }
                }
            }
            case SHORTS -> {
                Path2D shorts = new Path2D.Double();
                shorts.moveTo(380, 380);
                shorts.lineTo(820, 380);
                shorts.lineTo(880, 800);
                shorts.lineTo(640, 820);
                shorts.lineTo(600, 560);
                shorts.lineTo(560, 820);
                shorts.lineTo(320, 800);
                shorts.closePath();
                solid(g, shorts, body);
                solid(g, new Rectangle2D.Double(380, 380, 440, 50), shade(body, 0.75f));
            }
            case WATCH -> {
                solid(g, new RoundRectangle2D.Double(520, 230, 160, 680, 60, 60), shade(body, 0.8f));
                solid(g, new Ellipse2D.Double(440, 420, 320, 320), metal);
                g.setPaint(new GradientPaint(470, 450, accent, 730, 710, dark));
                g.fill(new Ellipse2D.Double(466, 446, 268, 268));
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(600, 580, 600, 490));
                g.draw(new Line2D.Double(600, 580, 670 - v * 40, 610));
            }
            case PAN -> {
                solid(g, new RoundRectangle2D.Double(700, 580, 300, 50, 30, 30), dark);
                solid(g, new Ellipse2D.Double(230, 470, 520, 300), body);
                g.setPaint(new GradientPaint(260, 490, dark, 720, 750, new Color(90, 90, 96)));
                g.fill(new Ellipse2D.Double(262, 490, 456, 250));
            }
            case POT -> {
                double w = 440 + v * 80;
                solid(g, new RoundRectangle2D.Double(600 - w / 2 - 70, 500, 80, 40, 20, 20), dark);
                solid(g, new RoundRectangle2D.Double(600 + w / 2 - 10, 500, 80, 40, 20, 20), dark);
                solid(g, new RoundRectangle2D.Double(600 - w / 2, 450, w, 420, 60, 60), body);
                solid(g, new Ellipse2D.Double(600 - w / 2, 400, w, 110), shade(body, 1.15f));
                solid(g, new Ellipse2D.Double(560, 370, 80, 50), dark);
            }
            case CHAIR, SOFA -> {
                double w = silhouette == Silhouette.SOFA ? 760 : 440;
                solid(g, new RoundRectangle2D.Double(600 - w / 2 + 30, 820, 24, 80, 10, 10), dark);
                solid(g, new RoundRectangle2D.Double(600 + w / 2 - 54, 820, 24, 80, 10, 10), dark);
                solid(g, new RoundRectangle2D.Double(600 - w / 2 + 40, 360, w - 80, 360, 70, 70), shade(body, 0.9f));
                solid(g, new RoundRectangle2D.Double(600 - w / 2 + 40, 650, w - 80, 180, 50, 50), body);
                solid(g, new RoundRectangle2D.Double(600 - w / 2 - 10, 560, 110, 280, 50, 50), shade(body, 1.1f));
                solid(g, new RoundRectangle2D.Double(600 + w / 2 - 100, 560, 110, 280, 50, 50), shade(body, 1.1f));
            }
            case TABLE -> {
                solid(g, new Rectangle2D.Double(300, 560, 36, 340), shade(body, 0.75f));
                solid(g, new Rectangle2D.Double(864, 560, 36, 340), shade(body, 0.75f));
                solid(g, new Rectangle2D.Double(420, 560, 30, 280), shade(body, 0.6f));
                solid(g, new Rectangle2D.Double(750, 560, 30, 280), shade(body, 0.6f));
                solid(g, new RoundRectangle2D.Double(240, 500, 720, 70, 20, 20), body);
            }
            case SHELF -> {
                solid(g, new Rectangle2D.Double(360, 220, 480, 690), body);
                for (int shelf = 0; shelf < 4; shelf++) {
                    double y = 250 + shelf * 165;
                    g.setColor(shade(body, 0.55f));
                    g.fill(new Rectangle2D.Double(385, y, 430, 140));
                    double x = 395;
                    while (x < 780) {
                        double bookWidth = 22 + random.nextDouble() * 30;
                        double bookHeight = 90 + random.nextDouble() * 45;
                        g.setColor(Color.getHSBColor(random.nextFloat(), 0.45f, 0.75f));
                        g.fill(new Rectangle2D.Double(x, y + 140 - bookHeight, bookWidth, bookHeight));
                        x += bookWidth + 4;
                    }
                }
            }
            case FLOOR_LAMP, DESK_LAMP, PENDANT -> {
                Color glow = new Color(255, 236, 170);
                if (silhouette == Silhouette.PENDANT) {
                    g.setColor(dark);
                    g.setStroke(new BasicStroke(8));
                    g.draw(new Line2D.Double(600, 0, 600, 420));
                    Shape dome = new Arc2D.Double(380, 400, 440, 360, 0, 180, Arc2D.CHORD);
                    glow(g, 600, 600, 300, glow);
                    solid(g, dome, body);
                } else {
                    boolean floor = silhouette == Silhouette.FLOOR_LAMP;
                    double top = floor ? 260 : 420;
                    solid(g, new Ellipse2D.Double(470, 850, 260, 60), shade(body, 0.8f));
                    g.setColor(shade(body, 0.8f));
                    g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    if (floor) {
                        g.draw(new Line2D.Double(600, 870, 600, top + 150));
                    } else {
                        g.draw(new Line2D.Double(600, 870, 520 + v * 40, 620));
                        g.draw(new Line2D.Double(520 + v * 40, 620, 640, top + 110));
                    }
                    glow(g, 600, top + 260, 260, glow);
                    Path2D shade = new Path2D.Double();
                    shade.moveTo(520, top);
                    shade.lineTo(680, top);
                    shade.lineTo(760, top + 180);
                    shade.lineTo(440, top + 180);
                    shade.closePath();
                    solid(g, shade, body);
                }
            }
            case BIKE -> {
                g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(dark);
                g.draw(new Ellipse2D.Double(200, 560, 320, 320));
                g.draw(new Ellipse2D.Double(680, 560, 320, 320));
                g.setStroke(new BasicStroke(26, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(body);
                Path2D frame = new Path2D.Double();
                frame.moveTo(360, 720);
                frame.lineTo(560, 720);
                frame.lineTo(760, 500);
                frame.lineTo(500, 500);
                frame.closePath();
                frame.moveTo(500, 500);
                frame.lineTo(470, 430);
                frame.moveTo(760, 500);
                frame.lineTo(840, 720);
                frame.moveTo(760, 500);
                frame.lineTo(740, 420);
                g.draw(frame);
                solid(g, new RoundRectangle2D.Double(420, 405, 110, 34, 20, 20), dark);
                g.setColor(dark);
                g.draw(new Line2D.Double(700, 420, 790, 410));
            }
            case HELMET -> {
                Area helmet = new Area(new Arc2D.Double(300, 360, 600, 560, 0, 180, Arc2D.CHORD));
                solid(g, helmet, body);
                g.setColor(new Color(0, 0, 0, 90));
                for (int i = 0; i < 5; i++) {
                    g.fill(new RoundRectangle2D.Double(400 + i * 80, 420 + Math.abs(2 - i) * 30, 44, 120, 24, 24));
                }
                solid(g, new RoundRectangle2D.Double(290, 620, 620, 36, 20, 20), dark);
            }
            case TENT -> {
                Path2D tent = new Path2D.Double();
                tent.moveTo(600, 300);
                tent.lineTo(950, 870);
                tent.lineTo(250, 870);
                tent.closePath();
                solid(g, tent, body);
                Path2D door = new Path2D.Double();
                door.moveTo(600, 480);
                door.lineTo(720, 870);
                door.lineTo(480, 870);
                door.closePath();
                g.setColor(shade(body, 0.45f));
                g.fill(door);
                g.setColor(dark);
                g.setStroke(new BasicStroke(8));
                g.draw(new Line2D.Double(600, 300, 600, 250));
            }
            case SLEEPING_BAG -> {
                solid(g, new RoundRectangle2D.Double(250, 500, 700, 330, 300, 300), body);
                solid(g, new Ellipse2D.Double(780, 540, 150, 250), shade(body, 0.7f));
                g.setColor(shade(body, 0.6f));
                g.setStroke(new BasicStroke(6));
                for (int x = 360; x < 760; x += 80) {
                    g.draw(new Line2D.Double(x, 520, x, 810));
                }
            }
            default -> {
                solid(g, new RoundRectangle2D.Double(380, 320, 440, 560, 90, 90), body);
                solid(g, new Rectangle2D.Double(380, 520, 440, 120), accent);
                solid(g, new RoundRectangle2D.Double(520, 270, 160, 70, 30, 30), shade(body, 0.8f));
            }
        }
    }

    /** Fills a shape lit from the top left: a gradient from a lighter to a darker tone, with a fine edge. */
    private static void solid(Graphics2D g, Shape shape, Color colour) {
        Rectangle2D bounds = shape.getBounds2D();
        g.setPaint(new GradientPaint((float) bounds.getMinX(), (float) bounds.getMinY(), shade(colour, 1.18f),
                (float) bounds.getMaxX(), (float) bounds.getMaxY(), shade(colour, 0.78f)));
        g.fill(shape);
        g.setColor(new Color(0, 0, 0, 40));
        g.setStroke(new BasicStroke(3f));
        g.draw(shape);
    }

    private static void speakerCone(Graphics2D g, double x, double y, double radius, Color dark, Color metal) {
        solid(g, new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius), metal);
        solid(g, new Ellipse2D.Double(x - radius * 0.86, y - radius * 0.86, radius * 1.72, radius * 1.72), dark);
        solid(g, new Ellipse2D.Double(x - radius * 0.3, y - radius * 0.3, radius * 0.6, radius * 0.6),
                dark.brighter());
    }

    private static void glow(Graphics2D g, double x, double y, float radius, Color light) {
        Graphics2D glow = (Graphics2D) g.create();
        glow.setComposite(AlphaComposite.SrcOver);
        glow.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), radius, new float[]{0f, 1f},
                new Color[]{new Color(light.getRed(), light.getGreen(), light.getBlue(), 170),
                        new Color(light.getRed(), light.getGreen(), light.getBlue(), 0)}));
        glow.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
        glow.dispose();
    }

    /** Lighter above 1, darker below, keeping the hue. */
    private static Color shade(Color colour, float factor) {
        float[] hsb = Color.RGBtoHSB(colour.getRed(), colour.getGreen(), colour.getBlue(), null);
        float brightness = Math.min(1f, hsb[2] * factor + (factor > 1 ? 0.04f : 0f));
        float saturation = factor > 1 ? hsb[1] / (1 + (factor - 1) * 0.5f) : hsb[1];
        return Color.getHSBColor(hsb[0], saturation, brightness);
    }

    static Color colourOf(String name) {
        Color known = COLOURS.get(name.trim().toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        // an unknown colour name still gets a colour of its own, the same every time
        return Color.getHSBColor((stableHash(name) & 0xFFFF) / 65536f, 0.55f, 0.7f);
    }

    private static Color colourFromBrand(float hue) {
        return Color.getHSBColor(hue + 0.5f, 0.35f, 0.55f);
    }

    /** FNV-1a over the UTF-8 bytes: stable across JVMs and releases, unlike nothing else in particular. */
    static long stableHash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (text == null ? "" : text).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a demo picture", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** For tests and tools: every silhouette the renderer knows. */
    static List<Silhouette> silhouettes() {
        return List.of(Silhouette.values());
    }
}
