/*
 * The part of swagger-ui-dist's prebuilt bundle we call (the package ships no types). The bundle
 * carries its own React and renders into the DOM node it is given.
 */
declare module "swagger-ui-dist/swagger-ui-bundle.js" {
  interface SwaggerRequest {
    url: string;
    method?: string;
    headers: Record<string, string>;
    credentials?: RequestCredentials;
    [key: string]: unknown;
  }

  interface SwaggerUIOptions {
    domNode: HTMLElement;
    url: string;
    tryItOutEnabled?: boolean;
    deepLinking?: boolean;
    docExpansion?: "list" | "full" | "none";
    defaultModelsExpandDepth?: number;
    persistAuthorization?: boolean;
    validatorUrl?: string | null;
    withCredentials?: boolean;
    requestInterceptor?: (request: SwaggerRequest) => SwaggerRequest | Promise<SwaggerRequest>;
    onComplete?: () => void;
  }

  interface SwaggerUISystem {
    getSystem(): unknown;
  }

  const SwaggerUIBundle: (options: SwaggerUIOptions) => SwaggerUISystem;
  export default SwaggerUIBundle;
}
