# The service image: built with Swift 6.3, run on a slim Debian with libpq.
FROM swift:6.3-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev pkg-config && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Plugins ./Plugins
COPY Sources ./Sources
COPY Tests ./Tests
COPY Schema ./Schema
RUN swift build -c release --product customers --static-swift-stdlib \
    && cp "$(swift build -c release --show-bin-path)/customers" /customers

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 customers
COPY --from=build /customers /usr/local/bin/customers
USER customers
EXPOSE 8080
ENTRYPOINT ["customers"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
