package org.mercato.platform.openapi;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mercato.platform.idempotency.Idempotent;
import org.mercato.platform.json.JsonLimits;
import org.mercato.platform.json.MultiLine;

/**
 * Builds a service's OpenAPI 3.1 document from its JAX-RS resource classes, by the same rules the platform
 * enforces: the paths with the service's context root, each parameter, the request body's JSON Schema as
 * {@code StrictJsonBinding} reads it (integers as integers with their range, {@code additionalProperties: false},
 * lengths and patterns from Bean Validation, property names as JSON-B writes them), the roles that may call each
 * operation ({@code x-roles}: {@code anonymous} when public) and the problem answers. Generated rather than written
 * by hand so that it cannot drift from what the code accepts.
 */
public final class ApiDescription {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class,
            PATCH.class, DELETE.class, HEAD.class);

    private ApiDescription() {
    }

    /**
     * @param service the service's name, also its context root ({@code catalog})
     * @param resources its JAX-RS resource classes (annotated {@code @Path})
     */
    public static JsonObject of(String service, String version, Collection<Class<?>> resources) {
        return of(service, version, resources, resources.isEmpty()
                ? ApiDescription.class.getClassLoader()
                : resources.iterator().next().getClassLoader());
    }

    /**
     * @param loader where the service's {@value ResponseDocumentation#RESOURCE} files are read from (its WAR's)
     * @throws IllegalStateException when a response documentation file names a schema or operation twice
     */
    static JsonObject of(String service, String version, Collection<Class<?>> resources, ClassLoader loader) {
        Map<String, JsonObjectBuilder> paths = new TreeMap<>();
        Map<String, JsonObject> schemas = new TreeMap<>();
        List<Class<?>> sorted = resources.stream().sorted(Comparator.comparing(Class::getName)).toList();
        ResponseDocumentation answers = ResponseDocumentation.load(loader);
        answers.schemas().forEach(schemas::put);
        Map<String, Map<String, JsonObject>> operations = new TreeMap<>();
        for (Class<?> resource : sorted) {
            String base = pathOf(resource.getAnnotation(Path.class));
            for (Method method : resource.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                String path = "/" + service + "/api" + join(base, pathOf(method.getAnnotation(Path.class)));
                operations.computeIfAbsent(path, p -> new TreeMap<>()).put(verb,
                        operation(service, resource, method, schemas, answers.of(verb, path)));
            }
        }
        operations.forEach((path, byVerb) -> {
            JsonObjectBuilder item = Json.createObjectBuilder();
            byVerb.forEach(item::add);
            paths.put(path, item);
        });
        JsonObjectBuilder pathsJson = Json.createObjectBuilder();
        paths.forEach(pathsJson::add);
        JsonObjectBuilder schemaJson = Json.createObjectBuilder();
        schemas.forEach(schemaJson::add);
        schemaJson.add("Problem", problemSchema());
        return Json.createObjectBuilder()
                .add("openapi", "3.1.0")
                .add("info", Json.createObjectBuilder().add("title", "Mercato " + service + " API")
                        .add("version", version)
                        .add("description", "Errors are RFC 9457 problems; strict JSON, paging, money and"
                                + " Idempotency-Key rules: docs/api.md"))
                .add("servers", Json.createArrayBuilder().add(Json.createObjectBuilder().add("url", "/")))
                .add("paths", pathsJson)
                .add("components", Json.createObjectBuilder().add("schemas", schemaJson)
                        .add("securitySchemes", Json.createObjectBuilder().add("bearer", Json.createObjectBuilder()
                                .add("type", "http").add("scheme", "bearer").add("bearerFormat", "JWT"))))
                .build();
    }

    private static JsonObject operation(String service, Class<?> resource, Method method,
            Map<String, JsonObject> schemas, JsonObject documentedAnswers) {
        JsonObjectBuilder operation = Json.createObjectBuilder()
                .add("operationId", service + "_" + resource.getSimpleName() + "_" + method.getName());
        List<String> roles = roles(resource, method);
        operation.add("x-roles", Json.createArrayBuilder(roles));
        if (!roles.contains("anonymous")) {
            operation.add("security", Json.createArrayBuilder().add(Json.createObjectBuilder().add("bearer",
                    JsonValue.EMPTY_JSON_ARRAY)));
        }
        JsonArrayBuilder parameters = Json.createArrayBuilder();
        JsonObject body = null;
        for (Parameter parameter : method.getParameters()) {
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            HeaderParam header = parameter.getAnnotation(HeaderParam.class);
            if (path != null) {
                parameters.add(parameter("path", path.value(), true, schema(parameter.getParameterizedType(),
                        parameter.getAnnotations(), schemas)));
            } else if (query != null) {
                JsonObjectBuilder schema = Json.createObjectBuilder(schema(parameter.getParameterizedType(),
                        parameter.getAnnotations(), schemas));
                DefaultValue defaultValue = parameter.getAnnotation(DefaultValue.class);
                if (defaultValue != null) {
                    schema.add("default", typedDefault(defaultValue.value(), parameter.getType()));
                }
                if (query.value().equals("page")) {
                    schema.add("minimum", 0).add("description", "page x size at most 10000");
                } else if (query.value().equals("size")) {
                    schema.add("minimum", 1).add("maximum", 100);
                }
                parameters.add(parameter("query", query.value(), false, schema.build()));
            } else if (header != null) {
                if (!DESCRIBED_ELSEWHERE.contains(header.value().toLowerCase(Locale.ROOT))) {
                    parameters.add(headerParameter(method, parameter, header.value()));
                }
            } else if (!isInjected(parameter)) {
                Schema declared = parameter.getAnnotation(Schema.class);
                if (declared != null && declared.implementation() != Void.class) {
                    // a body read as text and bound by the method itself, to the type it names
                    body = schema(declared.implementation(), new Annotation[0], schemas);
                } else {
                    // a body read as text (CSV, JSON imports) is any text: its rows are checked one by one
                    body = parameter.getType() == String.class
                            ? Json.createObjectBuilder().add("type", "string").build()
                            : schema(parameter.getParameterizedType(), parameter.getAnnotations(), schemas);
                }
            }
        }
        if (method.isAnnotationPresent(Idempotent.class) && !mentionsHeader(method, "Idempotency-Key")) {
            parameters.add(parameter("header", "Idempotency-Key", method.getAnnotation(Idempotent.class).required(),
                    Json.createObjectBuilder().add("type", "string").add("maxLength", 100).build()));
        }
        operation.add("parameters", parameters);
        if (body != null) {
            String[] types = consumes(resource, method);
            JsonObjectBuilder content = Json.createObjectBuilder();
            JsonObject documentedBodies = documentedAnswers == null
                    ? JsonValue.EMPTY_JSON_OBJECT
                    : documentedAnswers.getOrDefault(ResponseDocumentation.REQUEST_BODIES, JsonValue.EMPTY_JSON_OBJECT)
                            .asJsonObject();
            for (String type : types) {
                content.add(type, Json.createObjectBuilder().add("schema", documentedBodies.containsKey(type)
                        ? documentedBodies.get(type)
                        : body));
            }
            operation.add("requestBody", Json.createObjectBuilder().add("content", content));
        }
        JsonObjectBuilder responses = Json.createObjectBuilder();
        if (documentedAnswers == null) {
            // undocumented: any JSON (OpenApiIT fails on this marker)
            responses.add(verb(method).equals("post") ? "2XX" : "200", Json.createObjectBuilder()
                    .add("description", "Success").add("x-undocumented", true).add("content", Json
                            .createObjectBuilder().add("application/json", Json.createObjectBuilder().add("schema",
                                    JsonValue.EMPTY_JSON_OBJECT))));
        } else {
            documentedAnswers.forEach((status, answer) -> {
                if (!status.equals(ResponseDocumentation.PROBLEMS) && !status.equals(
                        ResponseDocumentation.REQUEST_BODIES)) {
                    responses.add(status, ResponseDocumentation.response(answer.asJsonObject()));
                }
            });
        }
        java.util.SortedSet<String> problems = new java.util.TreeSet<>(List.of("400", "401", "403", "404", "409",
                "413", "422", "429", "503"));
        if (body != null) {
            problems.add("415"); // a Content-Type other than the ones listed (or a charset other than UTF-8)
        }
        problems.addAll(ResponseDocumentation.problems(documentedAnswers));
        for (String status : problems) {
            responses.add(status, Json.createObjectBuilder().add("description", "A problem (RFC 9457)")
                    .add("content", Json.createObjectBuilder().add("application/problem+json", Json
                            .createObjectBuilder().add("schema", Json.createObjectBuilder().add("$ref",
                                    "#/components/schemas/Problem")))));
        }
        operation.add("responses", responses);
        return operation.build();
    }

    /** A parameter JAX-RS fills from the request ({@code @Context}, {@code @BeanParam}, ...), not the body. */
    private static boolean isInjected(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations()).anyMatch(a -> a.annotationType().getName().startsWith(
                "jakarta.ws.rs.") && !a.annotationType().getSimpleName().equals("Encoded"));
    }

    private static boolean mentionsHeader(Method method, String name) {
        return Arrays.stream(method.getParameters()).map(p -> p.getAnnotation(HeaderParam.class))
                .anyMatch(h -> h != null && h.value().equals(name));
    }

    private static String[] consumes(Class<?> resource, Method method) {
        Consumes consumes = method.getAnnotation(Consumes.class) != null
                ? method.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        return consumes == null ? new String[]{"application/json"} : consumes.value();
    }

    /**
     * Headers an OpenAPI document must not list as parameters (OpenAPI 3.1, Parameter Object: "Accept",
     * "Content-Type" and "Authorization" are described by the media types and the security scheme).
     */
    private static final Set<String> DESCRIBED_ELSEWHERE = Set.of("accept", "content-type", "authorization");

    /**
     * A header parameter: required when the method is {@code @Idempotent(required = true)} for its
     * Idempotency-Key, or when it says so with MicroProfile OpenAPI's {@code @Parameter(required = true)} (a
     * method that checks the header itself).
     */
    private static JsonObject headerParameter(Method method, Parameter parameter, String name) {
        boolean idempotencyKey = name.equalsIgnoreCase("Idempotency-Key");
        org.eclipse.microprofile.openapi.annotations.parameters.Parameter declared = parameter.getAnnotation(
                org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class);
        boolean required = (declared != null && declared.required()) || (idempotencyKey && method
                .isAnnotationPresent(Idempotent.class) && method.getAnnotation(Idempotent.class).required());
        JsonObjectBuilder schema = Json.createObjectBuilder().add("type", "string");
        if (idempotencyKey) {
            schema.add("minLength", 1).add("maxLength", 100);
        }
        return parameter("header", name, required, schema.build());
    }

    /** A {@code @DefaultValue} as the JSON value of the parameter's type (the query text {@code 20} is the number). */
    static JsonValue typedDefault(String text, Class<?> type) {
        try {
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || type == short.class || type == Short.class) {
                return Json.createValue(Long.parseLong(text.strip()));
            }
            if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                return Json.createValue(Double.parseDouble(text.strip()));
            }
        } catch (NumberFormatException e) {
            return Json.createValue(text); // the runtime would refuse it too; the text says what is written
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(text.strip()) ? JsonValue.TRUE : JsonValue.FALSE;
        }
        return Json.createValue(text);
    }

    private static JsonObject parameter(String in, String name, boolean required, JsonObject schema) {
        return Json.createObjectBuilder().add("name", name).add("in", in).add("required", required)
                .add("schema", schema).build();
    }

    /** Who may call: {@code anonymous}, or the roles of {@code @RolesAllowed} (method first, then class). */
    static List<String> roles(Class<?> resource, Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return List.of("anonymous");
        }
        if (method.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getAnnotation(RolesAllowed.class);
            if (allowed == null || resource.isAnnotationPresent(PermitAll.class)) {
                return List.of("anonymous");
            }
        }
        return Arrays.stream(allowed.value()).sorted().toList();
    }

    /** The JSON Schema of a Java type as the platform's strict reader accepts it. */
    static JsonObject schema(Type type, Annotation[] annotations, Map<String, JsonObject> schemas) {
        return schema(type, null, annotations, schemas);
    }

    /**
     * @param annotated the same type with its type-use annotations, when known: constraints on type arguments
     *            ({@code List<@Size(max = 200) String>}, {@code Map<String, @Size(max = 200) String>}) apply to the
     *            items or values
     */
    static JsonObject schema(Type type, AnnotatedType annotated, Annotation[] annotations,
            Map<String, JsonObject> schemas) {
        Class<?> raw = raw(type);
        JsonObjectBuilder schema = Json.createObjectBuilder();
        if (raw == Optional.class) {
            AnnotatedType inner = typeArgument(annotated, 0);
            return schema(argument(type, 0), inner, inner == null ? annotations : inner.getAnnotations(), schemas);
        }
        if (raw == int.class || raw == Integer.class) {
            schema.add("type", "integer").add("format", "int32");
            range(schema, annotations, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (raw == long.class || raw == Long.class) {
            schema.add("type", "integer").add("format", "int64");
            range(schema, annotations, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class
                || raw == BigInteger.class) {
            schema.add("type", "integer");
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == BigDecimal.class) {
            schema.add("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.add("type", "boolean");
        } else if (raw == String.class || raw == char.class || raw == Character.class) {
            schema.add("type", "string");
            boolean multiLine = Arrays.stream(annotations).anyMatch(a -> a instanceof MultiLine);
            schema.add("pattern", multiLine
                    ? "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
                    : "^[^\\u0000-\\u001F\\u007F-\\u009F]*$");
            Size size = find(annotations, Size.class);
            schema.add("maxLength", size != null && size.max() < Integer.MAX_VALUE
                    ? size.max()
                    : JsonLimits.MAX_STRING_LENGTH);
            if (size != null && size.min() > 0) {
                schema.add("minLength", size.min());
            } else if (find(annotations, NotBlank.class) != null || find(annotations, NotEmpty.class) != null) {
                schema.add("minLength", 1);
            }
            jakarta.validation.constraints.Pattern pattern = find(annotations,
                    jakarta.validation.constraints.Pattern.class);
            if (pattern != null) {
                schema.add("x-pattern", "^(" + pattern.regexp() + ")$");
            }
        } else if (raw == UUID.class) {
            schema.add("type", "string").add("format", "uuid");
        } else if (raw.isEnum()) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            schema.add("type", "string").add("enum", values);
        } else if (Temporal.class.isAssignableFrom(raw)) {
            schema.add("type", "string").add("format", "date-time");
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Type element = raw.isArray() ? raw.getComponentType() : argument(type, 0);
            AnnotatedType annotatedElement = raw.isArray()
                    ? (annotated instanceof AnnotatedArrayType array ? array.getAnnotatedGenericComponentType() : null)
                    : typeArgument(annotated, 0);
            schema.add("type", "array").add("items", schema(element, annotatedElement, annotatedElement == null
                    ? new Annotation[0]
                    : annotatedElement.getAnnotations(), schemas));
            Size size = find(annotations, Size.class);
            if (size != null && size.max() < Integer.MAX_VALUE) {
                schema.add("maxItems", size.max());
            }
            if (find(annotations, NotEmpty.class) != null) {
                schema.add("minItems", 1);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            AnnotatedType annotatedValue = typeArgument(annotated, 1);
            schema.add("type", "object").add("additionalProperties", schema(argument(type, 1), annotatedValue,
                    annotatedValue == null ? new Annotation[0] : annotatedValue.getAnnotations(), schemas));
            AnnotatedType annotatedKey = typeArgument(annotated, 0);
            Size keySize = annotatedKey == null ? null : find(annotatedKey.getAnnotations(), Size.class);
            if (keySize != null && keySize.max() < Integer.MAX_VALUE) {
                schema.add("propertyNames", Json.createObjectBuilder().add("maxLength", keySize.max()));
            }
            Size size = find(annotations, Size.class);
            if (size != null && size.max() < Integer.MAX_VALUE) {
                schema.add("maxProperties", size.max());
            }
        } else if (JsonValue.class.isAssignableFrom(raw) || raw == Object.class) {
            return JsonValue.EMPTY_JSON_OBJECT;
        } else {
            String name = raw.getSimpleName();
            String qualified = raw.getEnclosingClass() == null
                    ? name
                    : raw.getEnclosingClass().getSimpleName()
                            + name;
            if (!schemas.containsKey(qualified)) {
                schemas.put(qualified, JsonValue.EMPTY_JSON_OBJECT); // a placeholder breaks cycles
                schemas.put(qualified, object(raw, schemas));
            }
            return Json.createObjectBuilder().add("$ref", "#/components/schemas/" + qualified).build();
        }
        return schema.build();
    }

    private static JsonObject object(Class<?> type, Map<String, JsonObject> schemas) {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        JsonArrayBuilder required = Json.createArrayBuilder();
        boolean anyRequired = false;
        List<Object[]> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                // constraints such as @Size and @Max target fields, methods and parameters, not record components:
                // the compiler puts them on the component's field and accessor
                members.add(new Object[]{component.getName(), component.getGenericType(), annotations(type,
                        component),
                        component.getAnnotation(JsonbProperty.class) != null
                                ? component.getAnnotation(JsonbProperty.class)
                                : find(annotations(type, component), JsonbProperty.class),
                        component.getAnnotatedType()});
            }
        } else {
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                        || field.isAnnotationPresent(JsonbTransient.class)) {
                    continue;
                }
                members.add(new Object[]{field.getName(), field.getGenericType(), field.getAnnotations(),
                        field.getAnnotation(JsonbProperty.class), field.getAnnotatedType()});
            }
        }
        for (Object[] member : members) {
            JsonbProperty renamed = (JsonbProperty) member[3];
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : (String) member[0];
            Annotation[] annotations = (Annotation[]) member[2];
            properties.add(name, schema((Type) member[1], (AnnotatedType) member[4], annotations, schemas));
            if (find(annotations, NotNull.class) != null || find(annotations, NotBlank.class) != null
                    || find(annotations, NotEmpty.class) != null) {
                required.add(name);
                anyRequired = true;
            }
        }
        JsonObjectBuilder schema = Json.createObjectBuilder().add("type", "object").add("properties", properties)
                .add("additionalProperties", false);
        if (anyRequired) {
            schema.add("required", required);
        }
        return schema.build();
    }

    private static void range(JsonObjectBuilder schema, Annotation[] annotations, long min, long max) {
        long lower = min;
        long upper = max;
        Min minimum = find(annotations, Min.class);
        Max maximum = find(annotations, Max.class);
        if (minimum != null) {
            lower = minimum.value();
        }
        if (find(annotations, PositiveOrZero.class) != null) {
            lower = Math.max(lower, 0);
        }
        if (find(annotations, Positive.class) != null) {
            lower = Math.max(lower, 1);
        }
        if (maximum != null) {
            upper = maximum.value();
        }
        schema.add("minimum", lower).add("maximum", upper);
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : VERBS) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    private static String pathOf(Path path) {
        if (path == null || path.value().isEmpty() || path.value().equals("/")) {
            return "";
        }
        String value = path.value().startsWith("/") ? path.value() : "/" + path.value();
        // {name: regex} templates become {name}
        return value.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
    }

    private static String join(String base, String sub) {
        String joined = base + sub;
        return joined.endsWith("/") && joined.length() > 1 ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static AnnotatedType typeArgument(AnnotatedType annotated, int index) {
        return annotated instanceof AnnotatedParameterizedType p
                && p.getAnnotatedActualTypeArguments().length > index
                        ? p.getAnnotatedActualTypeArguments()[index]
                        : null;
    }

    /** A record component's annotations with those of its field and accessor (where constraints land). */
    private static Annotation[] annotations(Class<?> record, RecordComponent component) {
        List<Annotation> all = new ArrayList<>(Arrays.asList(component.getAnnotations()));
        try {
            all.addAll(Arrays.asList(record.getDeclaredField(component.getName()).getAnnotations()));
        } catch (NoSuchFieldException e) {
            // a record always has the field; nothing to add otherwise
        }
        all.addAll(Arrays.asList(component.getAccessor().getAnnotations()));
        return all.toArray(Annotation[]::new);
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index]
                : Object.class;
    }

    private static JsonObject problemSchema() {
        JsonObject text = Json.createObjectBuilder().add("type", "string").build();
        JsonObject fieldError = Json.createObjectBuilder().add("type", "object").add("properties",
                Json.createObjectBuilder().add("field", text).add("message", text)).build();
        JsonObjectBuilder properties = Json.createObjectBuilder().add("type", text).add("title", text)
                .add("status", Json.createObjectBuilder().add("type", "integer")).add("detail", text)
                .add("instance", text)
                .add("errors", Json.createObjectBuilder().add("type", "array").add("items", fieldError));
        return Json.createObjectBuilder().add("type", "object")
                .add("required", Json.createArrayBuilder().add("type").add("title").add("status"))
                .add("properties", properties).build();
    }
}
