"""Hand labels of the direct and partial quotes in the AllSides roundup excerpts of sample_data/
(read by a person, not produced by the extractor): doc_id -> (start of the quote, speaker's last
name or None when the text names nobody, kind). Titles in quotation marks ("This Week") are not
quotes and are not listed."""

LABELS: dict[str, list[tuple[str, str | None, str]]] = {
    "5779_center": [
        ("squarely behind", "Biden", "partial"),
        ("far from perfect", "Biden", "partial"),
    ],
    "5779_right": [
        ("squarely behind", "Biden", "partial"),
        ("did unfold more quickly", "Biden", "partial"),
        ("closely monitoring the situation", "Biden", "partial"),
        ("quickly", "Biden", "partial"),
        ("I stand squarely behind my decision", "Biden", "direct"),
    ],
    "5817_center": [
        ("things are going to get worse", "Fauci", "partial"),
        ("Not enough to crush the outbreak", "Fauci", "direct"),
    ],
    "5817_left": [
        ("I don't think we're going to see lockdowns", "Fauci", "direct"),
        ("I think we have enough of the percentage", "Fauci", "direct"),
    ],
    "5817_right": [
        ("pain and suffering", "Fauci", "partial"),
        ("crush the outbreak", "Fauci", "partial"),
    ],
    "5828_center": [
        ("public, indoor settings", "CDC", "partial"),
        ("substantial", "CDC", "partial"),
        ("high", "CDC", "partial"),
    ],
    "5828_left": [
        ("substantial", "CDC", "partial"),
        ("high", "CDC", "partial"),
        ("In recent days I have seen new scientific data", "Walensky", "direct"),
        ("This new science is", "Walensky", "direct"),
    ],
    "5828_right": [("In May, the CDC announced", "Fox News", "direct")],
    "5834_center": [("brave and unyielding conservative warriors", "Trump", "partial")],
    "5834_left": [
        ("full forensic audit", "Trump", "partial"),
        ("I predict when the votes come in", "Trump", "direct"),
    ],
    "5834_right": [
        ("flagrant racism", "Trump", "partial"),
        ("every facet of our society", "Trump", "partial"),
        ("America last", None, "partial"),
        ("We shouldn’t be apologizing to the world", "Trump", "direct"),
        ("We’re apologizing for America", "Trump", "direct"),
    ],
    "5852_center": [
        ("Facebook isn’t killing people", "Biden", "direct"),
        ("the outrageous misinformation", "Biden", "partial"),
        ("instead of taking it personally", "Biden", "partial"),
    ],
    "5852_left": [("They’re killing people", "Biden", "direct")],
    "5852_right": [
        ("misinformation.", None, "partial"),
        ("There's about 12 people", "Psaki", "direct"),
        ("All of them remain active on Facebook", "Psaki", "direct"),
        ("confronting health misinformation.", None, "partial"),
    ],
    "5860_left": [
        ("a serious threat to public health", "Murthy", "partial"),
        ("I am urging all Americans", "Murthy", "direct"),
        ("Health misinformation is a serious threat", "Murthy", "direct"),
    ],
    "5860_right": [
        ("problematic", "Psaki", "partial"),
        ("spread disinformation", "Psaki", "partial"),
        ("aggressive", None, "partial"),
        ("misinformation.", None, "partial"),
        ("in regular touch with social media platforms", "Psaki", "partial"),
        ("We are in regular touch with the social media platforms", "Psaki", "direct"),
    ],
    "5946_center": [("Why are you so confident he'll change his behavior", "Collins", "direct")],
    "5946_left": [
        ("confident", "Collins", "partial"),
        ("I’m not confident.", "Biden", "direct"),
        ("What the hell, what do you do all the time?", "Biden", "direct"),
        ("When did I say I was confident?", "Biden", "direct"),
        ("Let’s get this straight", "Biden", "direct"),
        ("I said what will change their behaviour", "Biden", "direct"),
    ],
    "5946_right": [
        ("confident", "Collins", "partial"),
        ("I'm not confident he'll change his behavior", "Biden", "direct"),
        ("When did I", "Biden", "direct"),
    ],
    "5948_center": [("The bottom line is I told President Putin", "Biden", "direct")],
    "5948_left": [
        ("good, positive", "Biden", "partial"),
        ("I told President Putin my agenda", "Biden", "direct"),
        ("I also told him that no president", "Biden", "direct"),
    ],
    "5948_right": [
        ("good", "Biden", "partial"),
        ("positive", "Biden", "partial"),
        ("no threats", "Biden", "partial"),
        ("consequences.", "Biden", "partial"),
        ("there was a lot of hype", "Biden", "partial"),
        ("straightforward.", "Biden", "partial"),
        ("There is no substitute for face-to-face dialogue", "Biden", "direct"),
        ("share a unique responsibility", "Biden", "partial"),
    ],
    "5975_center": [("robust", "Harris", "partial")],
    "5975_left": [
        ("I want to be clear to folks in this region", "Harris", "direct"),
        ("Do not come. Do", "Harris", "direct"),
    ],
    "5975_right": [
        ("Do not come.", "Harris", "direct"),
        ("We will discourage illegal migration", "Harris", "direct"),
        ("The United States will continue to enforce our laws", "Harris", "direct"),
        ("There are legal methods", "Harris", "direct"),
    ],
    "6016_center": [("hijacking", None, "partial"), ("a shocking act", None, "partial")],
    "6016_left": [
        ("Piracy", None, "partial"),
        ("hijacking", None, "partial"),
        ("state terrorism", None, "partial"),
        ("We strongly condemn the Lukashenka regime", "Blinken", "direct"),
    ],
    "6016_right": [
        ("security alert", None, "partial"),
        ("The United States strongly condemns the forced diversion", "Blinken", "direct"),
    ],
    "6103_center": [
        ("be solved overnight.", "Harris", "partial"),
        ("it would have been handled years ago.", "Harris", "partial"),
    ],
    "6103_left": [
        ("collective exhale.", None, "partial"),
        ("guilty", None, "partial"),
        ("sweeping sense of relief", None, "partial"),
    ],
    "6103_right": [("not going to be solved overnight.", "Harris", "partial")],
    "6104_center": [
        ("genocide", None, "partial"),
        ("entirely rejects", "Cavusoglu", "partial"),
        ("We will not take lessons from anyone", "Cavusoglu", "direct"),
    ],
    "6104_left": [
        ("The American people honour all those Armenians", "Biden", "direct"),
        ("Beginning on 24 April 1915", "Biden", "direct"),
    ],
    "6104_right": [
        ("Each year on this day", "Biden", "direct"),
        ("We honor their story.", "Biden", "direct"),
        ("We do this not to cast blame", "Biden", "direct"),
    ],
}
