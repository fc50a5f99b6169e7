package org.settingsreconciler.auth;

import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.settingsreconciler.graph.CredentialException;

/**
 * Hands the CLI's environment to msal4j's managed identity support. msal4j finds the managed identity endpoint
 * (IDENTITY_ENDPOINT, IDENTITY_HEADER, MSI_ENDPOINT, IMDS_ENDPOINT, ...) through a package-private hook that
 * defaults to {@code System.getenv}; the tool's rule is that the environment comes from the CLI context (tests
 * give their own), so this sets that hook. It is msal4j's own test seam, reached by reflection: msal4j is pinned
 * (1.26.0), and if a later version drops the hook this fails with a clear message rather than reading the
 * wrong environment.
 */
final class MsalEnvironment {

  private MsalEnvironment() {}

  static synchronized void use(Map<String, String> env) throws CredentialException {
    try {
      Class<?> hook = Class.forName("com.microsoft.aad.msal4j.IEnvironmentVariables");
      InvocationHandler handler =
          (proxy, method, args) -> {
            switch (method.getName()) {
              case "getEnvironmentVariable":
                return env.get((String) args[0]);
              case "toString":
                return "CLI environment";
              case "hashCode":
                return System.identityHashCode(proxy);
              case "equals":
                return proxy == args[0];
              default:
                throw new UnsupportedOperationException(method.getName());
            }
          };
      Object variables = Proxy.newProxyInstance(hook.getClassLoader(), new Class<?>[] {hook}, handler);
      Method set = ManagedIdentityApplication.class.getDeclaredMethod("setEnvironmentVariables", hook);
      set.setAccessible(true);
      set.invoke(null, variables);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new CredentialException(
          "managed identity sign-in is not available with this msal4j version (" + e.getClass().getSimpleName() + ")");
    }
  }
}
