package dev.postwright.seo.text;

/**
 * Counts English syllables by vowel groups, with the usual corrections (a silent final 'e', a
 * final consonant + "le" that is voiced). Good to a syllable on common words, which is what a
 * readability formula averaged over hundreds of words needs.
 */
public final class Syllables {
    private Syllables() {}

    public static int count(String word) {
        String w = Words.normalize(word);
        int groups = 0;
        boolean inVowels = false;
        int letters = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isLetter(c)) continue;
            letters++;
            boolean vowel = isVowel(c, i, w);
            if (vowel && !inVowels) groups++;
            inVowels = vowel;
        }
        if (letters == 0) return 0;
        int n = w.length();
        if (n > 2 && w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee") && groups > 1) groups--;
        else if (n > 3 && w.endsWith("le") && !isVowel(w.charAt(n - 3), n - 3, w) && groups == 1) groups++;
        if (n > 3 && w.endsWith("ed") && !w.endsWith("ted") && !w.endsWith("ded") && groups > 1) groups--;
        return Math.max(1, groups);
    }

    private static boolean isVowel(char c, int i, String w) {
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u' -> true;
            case 'y' -> i > 0; // a leading y ("yes") is a consonant
            default -> false;
        };
    }
}
