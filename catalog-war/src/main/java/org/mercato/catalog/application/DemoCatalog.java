package org.mercato.catalog.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.mercato.catalog.domain.ProductDraft;
import org.mercato.catalog.domain.ProductStatus;
import org.mercato.platform.money.Money;

/**
 * A realistic demo catalog, the same for the same seed: a category tree, brands, and products with variants
 * (sizes, colours, capacities) and prices. Used at first start of embedded mode and for benchmarks (it can make
 * 100,000 products).
 */
public final class DemoCatalog {

    /** One leaf category and what its products look like. */
    public record Department(String parent, String name, List<String> nouns, List<String> brands,
            String axis, List<String> options, long minPrice, long maxPrice, Map<String, List<String>> attributes) {
    }

    public static final List<Department> DEPARTMENTS = List.of(
            new Department("Electronics", "Headphones", List.of("Headphones", "Earbuds", "Headset"),
                    List.of("Sonora", "Acoustix", "Bassline", "Whisper"), "colour",
                    List.of("Black", "White", "Midnight Blue"), 1999, 39999,
                    Map.of("connectivity", List.of("Bluetooth", "Wired", "USB-C"), "noise cancelling",
                            List.of("yes", "no"))),
            new Department("Electronics", "Speakers", List.of("Speaker", "Soundbar", "Boombox"),
                    List.of("Sonora", "Acoustix", "Thunderbox"), "colour", List.of("Black", "Grey", "Sand"), 2999,
                    89999, Map.of("connectivity", List.of("Bluetooth", "Wi-Fi"), "waterproof", List.of("yes", "no"))),
            new Department("Electronics", "Laptops", List.of("Laptop", "Notebook", "Ultrabook"),
                    List.of("Northwind", "Vertex", "Lumen"), "memory", List.of("8 GB", "16 GB", "32 GB"), 49999,
                    299999, Map.of("screen", List.of("13 inch", "14 inch", "16 inch"), "processor",
                            List.of("8 cores", "10 cores", "12 cores"))),
            new Department("Electronics", "Phones", List.of("Smartphone", "Phone"), List.of("Vertex", "Lumen", "Pico"),
                    "storage", List.of("128 GB", "256 GB", "512 GB"), 19999, 149999,
                    Map.of("screen", List.of("6.1 inch", "6.7 inch"), "camera", List.of("48 MP", "50 MP", "108 MP"))),
            new Department("Electronics", "Cameras", List.of("Camera", "Action Camera", "Mirrorless Camera"),
                    List.of("Optica", "Lumen", "Focal"), "kit", List.of("Body only", "With 24-70mm lens"), 24999,
                    349999, Map.of("sensor", List.of("APS-C", "Full frame"), "video", List.of("4K", "6K", "8K"))),
            new Department("Fashion", "Shoes", List.of("Running Shoes", "Sneakers", "Boots", "Loafers"),
                    List.of("Stride", "Urbano", "Trailhead", "Pace"), "size",
                    List.of("38", "39", "40", "41", "42", "43", "44", "45"), 3999, 24999,
                    Map.of("material", List.of("leather", "mesh", "suede", "canvas"), "colour",
                            List.of("black", "white", "navy", "tan"))),
            new Department("Fashion", "Jackets", List.of("Jacket", "Parka", "Raincoat", "Bomber Jacket"),
                    List.of("Northface Co", "Urbano", "Alpine & Co"), "size", List.of("XS", "S", "M", "L", "XL"), 5999,
                    39999, Map.of("material", List.of("down", "wool", "nylon", "cotton"), "colour",
                            List.of("black", "olive", "navy", "red"))),
            new Department("Fashion", "T-Shirts", List.of("T-Shirt", "Tee", "Polo Shirt"),
                    List.of("Urbano", "Basics", "Cotton Club"), "size", List.of("XS", "S", "M", "L", "XL", "XXL"),
                    999, 4999, Map.of("material", List.of("organic cotton", "linen", "jersey"), "colour",
                            List.of("white", "black", "grey", "green", "yellow"))),
            new Department("Fashion", "Sweaters", List.of("Sweater", "Cardigan", "Hoodie"),
                    List.of("Nordic", "Alpine & Co", "Cotton Club"), "size", List.of("S", "M", "L", "XL"), 2999,
                    14999, Map.of("material", List.of("merino wool", "cashmere", "cotton"), "colour",
                            List.of("cream", "charcoal", "burgundy"))),
            new Department("Home & Kitchen", "Cookware", List.of("Frying Pan", "Saucepan", "Dutch Oven", "Wok"),
                    List.of("Cucina", "Ferro", "Chef's Choice"), "diameter", List.of("20 cm", "24 cm", "28 cm"), 1999,
                    19999, Map.of("material", List.of("cast iron", "stainless steel", "copper"), "induction",
                            List.of("yes", "no"))),
            new Department("Home & Kitchen", "Furniture", List.of("Armchair", "Sofa", "Dining Table", "Bookshelf"),
                    List.of("Hygge", "Oakwood", "Linea"), "finish", List.of("Oak", "Walnut", "White"), 9999, 199999,
                    Map.of("material", List.of("solid wood", "velvet", "linen", "steel"))),
            new Department("Home & Kitchen", "Lighting", List.of("Desk Lamp", "Floor Lamp", "Pendant Light"),
                    List.of("Lumen", "Linea", "Glow"), "colour", List.of("Black", "Brass", "White"), 1999, 29999,
                    Map.of("bulb", List.of("LED", "E27"), "dimmable", List.of("yes", "no"))),
            new Department("Sports & Outdoors", "Running", List.of("Running Jacket", "Running Shorts", "Sports Watch"),
                    List.of("Stride", "Pace", "Trailhead"), "size", List.of("S", "M", "L"), 1999, 49999,
                    Map.of("reflective", List.of("yes", "no"), "colour", List.of("black", "neon yellow", "blue"))),
            new Department("Sports & Outdoors", "Cycling", List.of("Road Bike", "Bike Helmet", "Cycling Jersey"),
                    List.of("Velo", "Pedal Works", "Trailhead"), "size", List.of("S", "M", "L"), 2999, 249999,
                    Map.of("material", List.of("carbon", "aluminium", "polyester"))),
            new Department("Sports & Outdoors", "Camping", List.of("Tent", "Sleeping Bag", "Camping Stove"),
                    List.of("Trailhead", "Alpine & Co", "Basecamp"), "capacity",
                    List.of("1 person", "2 persons", "4 persons"), 2999, 69999,
                    Map.of("season", List.of("3-season", "4-season"), "weight", List.of("light", "standard"))));

    private static final List<String> ADJECTIVES = List.of("Classic", "Pro", "Ultra", "Compact", "Premium",
            "Essential", "Wireless", "Vintage", "Eco", "Sport", "Deluxe", "Everyday", "Café", "Über", "Crème");

    private DemoCatalog() {
    }

    /** A generated product before it has a category id (that is the catalog's to give). */
    public record DemoProduct(Department department, ProductDraft draft) {
    }

    /** The {@code index}-th product of the demo catalog for {@code seed}; deterministic. */
    public static DemoProduct product(long seed, int index) {
        Random random = new Random(seed * 1_000_003L + index);
        Department department = DEPARTMENTS.get(index % DEPARTMENTS.size());
        String brand = pick(random, department.brands());
        String noun = pick(random, department.nouns());
        String adjective = pick(random, ADJECTIVES);
        String model = Integer.toString(100 + random.nextInt(900));
        String name = brand + " " + adjective + " " + noun + " " + model;
        Map<String, String> attributes = new LinkedHashMap<>();
        department.attributes().forEach((attribute, values) -> attributes.put(attribute, pick(random, values)));
        long span = department.maxPrice() - department.minPrice();
        long base = department.minPrice() + (long) (random.nextDouble() * span);
        base = base / 100 * 100 + 99; // prices end in .99
        String skuStem = skuStem(seed, index);
        List<ProductDraft.VariantDraft> variants = new ArrayList<>();
        int count = 1 + random.nextInt(department.options().size());
        for (int i = 0; i < count; i++) {
            String option = department.options().get(i);
            // bigger options cost a little more
            long price = base + i * (base / 10 / 100 * 100);
            variants.add(new ProductDraft.VariantDraft(skuStem + "-" + (i + 1), Map.of(department.axis(), option),
                    new Money(price, "EUR")));
        }
        String description = adjective + " " + noun.toLowerCase(Locale.ROOT) + " by " + brand + ". "
                + attributes.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .reduce((a, b) -> a + ", " + b).orElse("")
                + ". Available in " + count + " " + department.axis() + (count > 1 ? " options" : " option") + ".";
        String slug = org.mercato.catalog.domain.Slugs.of(name) + "-" + index;
        return new DemoProduct(department, new ProductDraft(name, slug, description, brand, null,
                ProductStatus.ACTIVE, attributes, null, variants));
    }

    /**
     * What the SKUs of the {@code index}-th product begin with ("D16-000042", then "-1", "-2"...): in SKU order the
     * demo products are in their generated order, so SKUs from {@code skuStem(seed, 0)} to {@code skuStem(seed, n)}
     * are those of the first n products.
     */
    public static String skuStem(long seed, int index) {
        return "D" + Long.toString(seed, 36).toUpperCase(Locale.ROOT) + "-" + String.format("%06d", index);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
