/**
 * How the import page sends a file to the upload route: the raw file as the request body (so the
 * server can parse it as it arrives), `?mode=preview|apply`, and the file name in this header,
 * percent-encoded since header values are Latin-1 only. Shared by the form and the route.
 */
export const FILE_NAME_HEADER = "x-file-name";
