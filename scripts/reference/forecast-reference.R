# Reference values for tests/unit/forecast from R's forecast package (Hyndman et al.;
# Debian: apt-get install r-cran-forecast). The tests hold the output as a fixture, so R is
# needed only to regenerate it:
#   Rscript scripts/reference/forecast-reference.R > tests/fixtures/forecast-reference/r-forecast.json
# Series: fpp::oil, fpp::ausair, fpp::livestock, fpp2::austourists (the same numbers as
# tests/unit/forecast/series.ts).
suppressMessages(library(forecast))
series <- list(
  oil = ts(c(446.6565229, 454.4733065, 455.662974, 423.6322388, 456.2713279, 440.5880501, 425.3325201, 485.1494479, 506.0481621, 526.7919833, 514.268889, 494.2110193), start = 1996),
  ausair = ts(c(17.5534, 21.8601, 23.8866, 26.9293, 26.8885, 28.8314, 30.0751, 30.9535, 30.1857, 31.5797, 32.577569, 33.477398, 39.021581, 41.386432, 41.596552), start = 1990),
  livestock = ts(c(263.917747, 268.307222, 260.662556, 266.639419, 277.515778, 283.834045, 290.309028, 292.474198, 300.830694, 309.286657, 318.331081, 329.37239, 338.883998, 339.244126, 328.600632, 314.255385, 314.459695, 321.413779, 329.789292, 346.385165, 352.297882, 348.370515, 417.562922, 417.12357, 417.749459, 412.233904, 411.946817, 394.697075, 401.49927, 408.270468, 414.2428), start = 1970),
  austourists = ts(c(41.727458, 24.04185, 32.328103, 37.328708, 46.213153, 29.346326, 36.48291, 42.977719, 48.901525, 31.180221, 37.717881, 40.420211, 51.206863, 31.887228, 40.978263, 43.772491, 55.558567, 33.850915, 42.076383, 45.642292, 59.76678, 35.191877, 44.319737, 47.913736), start = 2005, frequency = 4)
)
num <- function(x) paste(sprintf("%.15g", x), collapse = ", ")
named <- function(p) paste(sprintf('"%s": %.15g', names(p), p), collapse = ", ")
out <- c()
for (nm in names(series)) {
  y <- series[[nm]]
  m <- frequency(y)
  th <- thetaf(y, h = 4)
  seasonal <- m > 1 && length(y) > 2 * m
  x <- if (seasonal) seasadj(decompose(y, type = "multiplicative")) else y
  s <- ses(x, h = 1)
  forms <- c("ANN", "AAN", "AAdN")
  if (m > 1) forms <- c(forms, "ANA", "AAA", "AAdA")
  ets_rows <- c()
  for (f in forms) {
    fit <- ets(y, model = sub("d", "", f), damped = grepl("d", f), opt.crit = "lik")
    ets_rows <- c(ets_rows, sprintf('{ "form": "%s", "aicc": %.15g, "mse": %.15g, "par": { %s } }', f, fit$aicc, fit$mse, named(fit$par)))
  }
  auto <- ets(y, model = "ZZZ", additive.only = TRUE)
  out <- c(out, sprintf(
    '"%s": { "period": %d, "thetaf": { "alpha": %.15g, "level0": %.15g, "mean": [%s] }, "ets": [%s], "etsAuto": "%s" }',
    nm, m, s$model$par["alpha"], s$model$par["l"], num(th$mean), paste(ets_rows, collapse = ", "), auto$method
  ))
}
cat("{\n  \"source\": \"R ", R.version$major, ".", R.version$minor, ", forecast ", as.character(packageVersion("forecast")), "\",\n  ", paste(out, collapse = ",\n  "), "\n}\n", sep = "")
