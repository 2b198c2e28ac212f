"""Reports: one document assembling the analyses for a time window (`corpus report`; the
public function is ``corpuscli.report``)."""
