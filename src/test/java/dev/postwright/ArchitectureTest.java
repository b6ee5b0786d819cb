package dev.postwright;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;

/** The dependency rules of docs/ARCHITECTURE: each one a sentence a reviewer would otherwise repeat. */
@AnalyzeClasses(packages = "dev.postwright", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule javafxOnlyInUi = noClasses()
            .that().resideOutsideOfPackage("dev.postwright.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("the engine must run headless (serve, generate) and be testable without a stage");

    @ArchTest
    static final ArchRule modelDependsOnNothing = classes()
            .that().resideInAPackage("dev.postwright.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.postwright.model..", "java.lang..",
                    "java.util..", "java.time..")
            .because("the model is plain records and sealed types that every layer can share");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.postwright.(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("..internal.."), resideInAnyPackage("dev.postwright.queue"))
            .because("a package that needs another must not be needed by it; only an internal package serves its parent");

    /** Where the application is put together: the only places that may pick clocks and make threads. */
    private static final DescribedPredicate<JavaClass> COMPOSITION_ROOTS = resideInAnyPackage("dev.postwright",
            "dev.postwright.cli..", "dev.postwright.engine..", "dev.postwright.ui.fx..", "dev.postwright.ui.shell..")
            .or(nameMatching("dev\\.postwright\\.queue\\.JobQueue\\$Builder"))
            .or(nameMatching("dev\\.postwright\\.store\\.Database\\$Settings"))
            .or(nameMatching("dev\\.postwright\\.store\\.postgres\\.PostgresPool\\$Settings"))
            .or(nameMatching("dev\\.postwright\\.server\\.JobApiServer"))
            .or(nameMatching("dev\\.postwright\\.remote\\.TeamRuntime"))
            .as("composition roots");

    @ArchTest
    static final ArchRule timeAndThreadsComeFromTheCompositionRoots = noClasses()
            .that(DescribedPredicate.not(COMPOSITION_ROOTS))
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(Thread.class, "ofPlatform")
            .orShould().callMethod(Thread.class, "ofVirtual")
            .orShould().callConstructorWhere(JavaConstructorCall.Predicates.target(
                    HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(Thread.class))))
            .orShould().callMethodWhere(JavaMethodCall.Predicates.target(
                    HasOwner.Predicates.With.owner(JavaClass.Predicates.equivalentTo(Executors.class))))
            .because("a class that is given its clock and its threads can be tested with a hand-moved clock and "
                    + "shut down by its owner");

    @ArchTest
    static final ArchRule jsonStaysInTheWire = noClasses()
            .that().resideOutsideOfPackages("dev.postwright.wire..", "dev.postwright.settings..",
                    "dev.postwright.llm.openai..", "dev.postwright.llm.prompt..", "dev.postwright.llm.builtin..",
                    "dev.postwright.publish.wordpress..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("formats of model types are read and written in one place (decisions 0022, 0032 and 0037 say why "
                    + "the settings files, the models' JSON replies and the WordPress REST API keep theirs)");

    @ArchTest
    static final ArchRule theJobContractKnowsOnlyTheModel = classes()
            .that().resideInAPackage("dev.postwright.jobs..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.postwright.jobs..", "dev.postwright.model..",
                    "java.lang..", "java.util..", "java.time..")
            .because("the job contract sits between whoever runs jobs and whoever watches them; both share it");

    @ArchTest
    static final ArchRule writersDoNotKnowTheQueue = noClasses()
            .that().resideInAPackage("dev.postwright.llm..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.postwright.queue..", "dev.postwright.store..")
            .because("a text writer needs the job contract (cancellation, failures), not what runs the job");

    @ArchTest
    static final ArchRule imageMakersKnowOnlyTheJobContract = noClasses()
            .that().resideInAPackage("dev.postwright.images..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.postwright.queue..", "dev.postwright.store..",
                    "dev.postwright.pipeline..", "dev.postwright.llm..", "dev.postwright.settings..")
            .because("an image maker needs the job contract (cancellation, failures) and the wire, not what runs the "
                    + "job, stores its picture or reads its settings (decision 0026)");

    @ArchTest
    static final ArchRule nothingDependsOnUi = noClasses()
            .that().resideOutsideOfPackage("dev.postwright.ui..")
            .and().doNotHaveFullyQualifiedName(Postwright.class.getName())
            .should().dependOnClassesThat().resideInAPackage("dev.postwright.ui..")
            .because("the UI is a leaf: only the composition root starts it");

    @ArchTest
    static final ArchRule wireKnowsOnlyTheModel = noClasses()
            .that().resideInAPackage("dev.postwright.wire..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.postwright.store..", "dev.postwright.queue..")
            .because("codecs translate between the model and bytes, nothing more");

    @ArchTest
    static final ArchRule storeDoesNotKnowItsUsers = noClasses()
            .that().resideInAPackage("dev.postwright.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.postwright.queue..", "dev.postwright.pipeline..",
                    "dev.postwright.llm..", "dev.postwright.render..", "dev.postwright.seo..")
            .because("repositories persist model objects (as wire JSON) and serve every layer above them");

    @ArchTest
    static final ArchRule theServerSpeaksOnlyToTheQueueAndTheLibrary = noClasses()
            .that().resideInAPackage("dev.postwright.server..")
            .should().dependOnClassesThat(resideInAnyPackage("dev.postwright.ui..", "dev.postwright.cli..",
                    "dev.postwright.pipeline..", "dev.postwright.engine..")
                    .or(resideInAPackage("dev.postwright.store..")
                            .and(not(nameMatching("dev\\.postwright\\.store\\.(PostLibrary|ImageStore)(\\$.*)?")))))
            .because("the job API is a view of the queue and of the posts and images its jobs save (decision 0025); what runs "
                    + "the jobs is the caller's choice");

    @ArchTest
    static final ArchRule jettyStaysInTheServer = noClasses()
            .that().resideOutsideOfPackage("dev.postwright.server..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "com.auth0..")
            .because("one package owns the HTTP server and the token library, so either can be replaced");

    @ArchTest
    static final ArchRule postgresStaysInItsStore = noClasses()
            .that().resideOutsideOfPackage("dev.postwright.store.postgres..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "com.zaxxer.hikari..")
            .because("store.postgres owns the PostgreSQL driver and the pool (decision 0041): the rest sees the store's "
                    + "contracts, so the desktop app never loads either");

    @ArchTest
    static final ArchRule theSqliteStoreDoesNotKnowPostgres = noClasses()
            .that().resideInAPackage("dev.postwright.store")
            .should().dependOnClassesThat().resideInAPackage("dev.postwright.store.postgres..")
            .because("store.postgres builds on store (Sql, SqlWork, StoreException), never the other way round");

    @ArchTest
    static final ArchRule documentWritersStayInRender = noClasses()
            .that().resideOutsideOfPackage("dev.postwright.render..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.openxmlformats..",
                    "org.apache.xmlbeans..", "com.openhtmltopdf..", "org.apache.pdfbox..", "org.jsoup..")
            .because("render owns the Word and PDF writers (decision 0031): the rest asks ExportFormat for bytes, so "
                    + "either library can be replaced in one package");

    @ArchTest
    static final ArchRule internalPackagesServeOnlyTheirParent = classes()
            .that().resideInAPackage("..internal..")
            .should(beUsedOnlyFromTheirParentPackage());

    @ArchTest
    static final ArchRule noStandardStreamsOutsideTheCommandLine = noClasses()
            .that().resideOutsideOfPackage("dev.postwright.cli..")
            // LlamaLog swaps System.out for a moment to keep the llama.cpp binding's own print off it
            .and(DescribedPredicate.not(nameMatching("dev\\.postwright\\.llm\\.builtin\\.LlamaLog")))
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("the app logs through System.Logger; only the command line prints");

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirParentPackage() {
        return new ArchCondition<>("be used only from their parent package") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String pkg = internal.getPackageName();
                String parent = pkg.substring(0, pkg.lastIndexOf(".internal"));
                for (Dependency dependency : internal.getDirectDependenciesToSelf()) {
                    String user = dependency.getOriginClass().getPackageName();
                    boolean allowed = user.equals(parent) || user.startsWith(parent + ".");
                    if (!allowed) events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                }
            }
        };
    }
}
