package dev.andon.aws;

import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.ProviderException.Kind;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into a {@link ProviderException} that reads as one line: which IAM action was
 * refused and on what, that a target is gone, or that AWS kept throttling after the retries.
 */
public final class AwsFailures {

    private static final Set<String> DENIED = Set.of(
            "UnauthorizedOperation", "AccessDenied", "AccessDeniedException", "UnauthorizedException",
            "AuthorizationError", "NotAuthorized");
    private static final Set<String> GONE = Set.of(
            "InvalidInstanceID.NotFound", "ClusterNotFoundException", "ServiceNotFoundException",
            "TargetGroupNotFound", "ResourceNotFound", "ResourceNotFoundException");
    private static final Set<String> THROTTLED = Set.of(
            "RequestLimitExceeded", "Throttling", "ThrottlingException", "TooManyRequestsException", "RequestThrottled");

    private AwsFailures() {
    }

    /**
     * @param e         what the SDK threw
     * @param iamAction the IAM action of the call, e.g. {@code ec2:TerminateInstances}
     * @param about     what it was about, e.g. {@code instance i-0abc} or {@code Auto Scaling group web}
     * @param settings  for the region and endpoint in the message
     */
    public static ProviderException translate(SdkException e, String iamAction, String about, AwsSettings settings) {
        String where = settings.where();
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = String.valueOf(service.awsErrorDetails().errorCode());
            String message = oneLine(service.awsErrorDetails().errorMessage());
            if (DENIED.contains(code) || service.statusCode() == 403 && !service.isThrottlingException()) {
                return new ProviderException(Kind.FORBIDDEN,
                        "not authorized to " + iamAction + " on " + about + " in " + where + " (" + code
                                + "): grant " + iamAction + " to the caller, see deploy/aws/iam-policy.json", e);
            }
            if (GONE.contains(code) || isTaskNotFound(code, message)) {
                return new ProviderException(Kind.NOT_FOUND, about + " no longer exists in " + where + " (" + code + ")", e);
            }
            if (THROTTLED.contains(code) || service.isThrottlingException()) {
                return new ProviderException(Kind.THROTTLED,
                        "AWS kept throttling " + iamAction + " on " + about + " in " + where + " after "
                                + settings.maxAttempts() + " attempts (" + code + "); try again later or raise maxAttempts", e);
            }
            return new ProviderException(Kind.FAILED, iamAction + " on " + about + " failed in " + where + ": " + code
                    + (message.isEmpty() ? "" : ": " + message), e);
        }
        if (e instanceof SdkClientException) {
            return new ProviderException(Kind.UNAVAILABLE, "cannot reach AWS for " + iamAction + " in " + where + ": "
                    + oneLine(e.getMessage()), e);
        }
        return new ProviderException(Kind.FAILED, iamAction + " on " + about + " failed in " + where + ": " + oneLine(e.getMessage()), e);
    }

    /** ECS reports a stopped-and-gone task as a generic invalid parameter. */
    private static boolean isTaskNotFound(String code, String message) {
        return ("InvalidParameterException".equals(code) || "ClientException".equals(code))
                && message.toLowerCase(Locale.ROOT).contains("not found");
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
