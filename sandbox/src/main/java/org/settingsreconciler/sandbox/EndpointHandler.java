package org.settingsreconciler.sandbox;

/** What every handler of an endpoint's routes starts from: the endpoint, its server rule, and its body checks. */
abstract class EndpointHandler implements RouteHandler {

  final Endpoint endpoint;
  final ServerRule rule;
  final BodyValidator validator;

  EndpointHandler(Endpoint endpoint) {
    this.endpoint = endpoint;
    this.rule = ServerRules.of(endpoint);
    this.validator = new BodyValidator(endpoint, rule);
  }
}
