// Yoast's own analysis (the yoastseo package, pinned in package.json) of the posts on stdin: a JSON
// array of {id, html, keyphrase, title, description, slug, titleWidth, permalink, earlierUses}; writes a
// JSON array of {id, seo: {assessment: score}, seoScore, readability: {assessment: score}, readabilityScore}.
// The SEO score is the one WordPress shows: the SEO assessor's results and the previously-used-keyphrase
// assessment its plugin adds (yoastseo's bundled plugin, given the post's earlier uses), averaged as the
// assessor averages. Driven by YoastConformanceTest; the scores are Yoast's, untouched.
import yoast from "yoastseo";
import researcherModule from "yoastseo/build/languageProcessing/languages/en/Researcher.js";

const { Paper, SeoAssessor, ContentAssessor, bundledPlugins } = yoast;
const PreviouslyUsedKeyword = bundledPlugins.usedKeywords;
const EnglishResearcher = researcherModule.default ?? researcherModule;

let input = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) input += chunk;

function scores(assessor) {
  const out = {};
  for (const result of assessor.getValidResults()) out[result.getIdentifier()] = result.getScore();
  return out;
}

const results = JSON.parse(input).map((post) => {
  const paper = new Paper(post.html, {
    keyword: post.keyphrase ?? "",
    title: post.title ?? "",
    description: post.description ?? "",
    slug: post.slug ?? "",
    titleWidth: post.titleWidth ?? 0,
    permalink: post.permalink ?? "",
    locale: "en_US",
  });
  const researcher = new EnglishResearcher(paper);
  const seo = new SeoAssessor(researcher);
  seo.assess(paper);
  const content = new ContentAssessor(researcher);
  content.assess(paper);
  const seoScores = scores(seo);
  if (post.keyphrase) {
    const earlier = Array.from({ length: post.earlierUses ?? 0 }, (_, i) => i + 1);
    const plugin = new PreviouslyUsedKeyword({ registerAssessment() {} }, { usedKeywords: { [post.keyphrase]: earlier }, usedKeywordsPostTypes: {}, postUrl: "post.php?post={id}", searchUrl: "edit.php?s={keyword}" });
    seoScores.usedKeywords = plugin.assess(paper).getScore();
  }
  const all = Object.values(seoScores);
  return {
    id: post.id,
    seo: seoScores,
    seoScore: Math.round(all.reduce((sum, s) => sum + s, 0) / (all.length * 9) * 100) || 0,
    readability: scores(content),
    readabilityScore: content.calculateOverallScore(),
  };
});
process.stdout.write(JSON.stringify(results));
